import { Button, Center, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SectionLoader } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { type Activity, useTicketActivities } from '../activities/activities.api.ts';
import { ActivityRows } from '../activities/ActivityRow.tsx';
import { CompleteActivityModal } from '../activities/CompleteActivityModal.tsx';
import { LogActivityModal } from '../activities/LogActivityModal.tsx';
import type { TicketDetail } from './tickets.types.ts';

/** SAL-6: the calls, tasks and notes about this ticket; "log activity" links the new one to it and its customer. */
export function TicketActivities({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const list = useTicketActivities(ticket.id);
  const [logging, setLogging] = useState(false);
  const [completing, setCompleting] = useState<Activity | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('activities.ofTicketHint')}
        </Text>
        {can('activities.write') && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setLogging(true)}>
            {t('activities.log')}
          </Button>
        )}
      </Group>
      {list.isPending && <SectionLoader />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && !items.length && <EmptyState title={t('activities.emptyTicket')} />}
      <ActivityRows items={items} onComplete={setCompleting} showCustomer={false} />
      {list.hasNextPage && (
        <Center>
          <Button variant="default" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
      {logging && <LogActivityModal customer={ticket.customer} ticket={{ id: ticket.id, number: ticket.number }} onClose={() => setLogging(false)} />}
      {completing && <CompleteActivityModal activity={completing} onClose={() => setCompleting(null)} />}
    </Stack>
  );
}
