import { ActionIcon, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconLink, IconUnlink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { TicketStatusBadge } from './badges.tsx';
import { useLinkTicket, useUnlinkTicket } from './tickets.api.ts';
import type { TicketDetail } from './tickets.types.ts';

const NUMBER = /^TCK-\d{6,}$/i;

/** TKT-1: the tickets linked to this one; staff who work tickets (tickets.assign) link and unlink them. */
export function RelatedTickets({ ticket, onError }: { ticket: TicketDetail; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const editable = can('tickets.assign');
  const link = useLinkTicket();
  const unlink = useUnlinkTicket();
  const [number, setNumber] = useState('');
  const [invalid, setInvalid] = useState(false);
  const busy = link.isPending || unlink.isPending;

  const submit = () => {
    const other = number.trim().toUpperCase();
    if (!NUMBER.test(other)) return setInvalid(true);
    link.mutate({ ticket, other }, {
      onSuccess: () => {
        setNumber('');
        toastSuccess(t('tickets.related.linked', { number: other }));
      },
      onError,
    });
  };

  return (
    <Card withBorder radius="md">
      <Title order={5} mb="sm">
        {t('tickets.related.title')}
      </Title>
      <Stack gap="xs">
        {ticket.related.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('tickets.related.empty')}
          </Text>
        )}
        {ticket.related.map((r) => (
          <Group key={r.id} gap="xs" wrap="nowrap" justify="space-between">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <Anchor component={Link} to={`/tickets/${r.number}`} size="sm" ff="monospace">
                  {r.number}
                </Anchor>
                <TicketStatusBadge status={r.status} size="xs" />
                {r.kind === 'duplicate_of' && (
                  <Badge variant="outline" color="gray" size="xs">
                    {t('tickets.related.duplicate')}
                  </Badge>
                )}
              </Group>
              <Text size="sm" truncate>
                {r.title}
              </Text>
            </Stack>
            {editable && (
              <Tooltip label={t('tickets.related.unlink', { number: r.number })}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('tickets.related.unlink', { number: r.number })}
                  disabled={busy}
                  onClick={() => unlink.mutate({ ticket, other: r.number }, { onSuccess: () => toastSuccess(t('tickets.related.unlinked', { number: r.number })), onError })}
                >
                  <IconUnlink size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
        {editable && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            {/* Stacked: the side column is narrow, and the button's text is long in some languages. */}
            <Stack gap="xs" align="flex-start">
              <TextInput
                label={t('tickets.related.link')}
                description={t('tickets.related.linkHint')}
                placeholder="TCK-000123"
                value={number}
                onChange={(e) => {
                  setNumber(e.currentTarget.value);
                  setInvalid(false);
                }}
                error={invalid ? t('tickets.related.invalidNumber') : undefined}
                w="100%"
                disabled={busy}
              />
              <Button type="submit" variant="light" size="xs" leftSection={<IconLink size={14} />} loading={link.isPending} disabled={!number.trim()}>
                {t('tickets.related.link')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
