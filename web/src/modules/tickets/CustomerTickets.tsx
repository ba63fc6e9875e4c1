import { Anchor, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SectionLoader } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useFormat } from '../../ui/format.ts';
import { PriorityBadge, TicketStatusBadge } from './badges.tsx';
import { useTicketList } from './tickets.api.ts';

/** CUS-3: the customer's tickets on the 360° page, newest first, each linking to its ticket. */
export function CustomerTickets({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useTicketList({ customerId }, null);
  if (list.isPending) return <SectionLoader />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.items.length) return <EmptyState title={t('tickets.customer.empty')} />;
  return (
    <Stack gap={0}>
      {list.items.map((ticket, i) => (
        <Fragment key={ticket.id}>
          {i > 0 && <Divider />}
          <Group justify="space-between" wrap="nowrap" py="xs" gap="sm">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/tickets/${ticket.number}`} size="sm" fw={500} lineClamp={1}>
                {ticket.title}
              </Anchor>
              <Text size="xs" c="dimmed" ff="monospace">
                {ticket.number} · {format.dateTime(ticket.createdAt)}
              </Text>
            </div>
            <Group gap="xs" wrap="nowrap">
              <PriorityBadge priority={ticket.priority} size="xs" />
              <TicketStatusBadge status={ticket.status} size="xs" />
            </Group>
          </Group>
        </Fragment>
      ))}
      <Group justify="center" mt="sm" gap="sm">
        {list.hasNextPage && (
          <Button variant="default" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        )}
        <Button component={Link} to={`/tickets?customerId=${customerId}`} variant="subtle" size="xs">
          {t('tickets.customer.openList')}
        </Button>
      </Group>
    </Stack>
  );
}
