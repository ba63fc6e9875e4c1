import { Card, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomValueText } from '../../ui/customValue.ts';
import { useFormat } from '../../ui/format.ts';
import { PriorityBadge, TicketStatusBadge } from '../tickets/badges.tsx';
import { useCustomFields } from '../customers/customers.api.ts';
import { fieldLabel } from '../tickets/fieldLabel.ts';
import { typeName } from '../tickets/tickets.api.ts';
import type { TicketDetail, TicketType } from '../tickets/tickets.types.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** The ticket's facts, the type's fields, the custom fields shown to clients, and the contact details the server copied from the client's profile (read-only). */
export function TicketFacts({ ticket, type }: { ticket: TicketDetail; type: TicketType | undefined }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  // The staff lists' renderer: dates as their day, numbers in the reader's locale; an empty value is a dash here.
  const customText = useCustomValueText();
  const show = (type: Parameters<typeof customText>[0], value: unknown) => customText(type, value) || '—';
  const fields = (type?.fields ?? []).filter((f) => f.active || ticket.typeFields[f.key] !== undefined);
  // The server answers a client only the custom fields shown to them, and only their values (decision 0007).
  const customFields = (useCustomFields('ticket').data ?? []).filter((f) => ticket.custom[f.key] !== undefined);
  const contact = ticket.contact;
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-label={t('portalTickets.ticket.details')}>
      <Stack gap="sm">
        <Title order={5}>{t('portalTickets.ticket.details')}</Title>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <Fact label={t('fields.status')}>
            <TicketStatusBadge status={ticket.status} audience="client" />
          </Fact>
          <Fact label={t('tickets.fields.priority')}>
            <PriorityBadge priority={ticket.priority} />
          </Fact>
          <Fact label={t('tickets.fields.type')}>{typeName(type ?? ticket.type, i18n.language)}</Fact>
          <Fact label={t('portalTickets.ticket.processor')}>{ticket.processor?.name ?? t('portalTickets.ticket.unassigned')}</Fact>
          <Fact label={t('portalTickets.ticket.opened')}>{format.dateTime(ticket.createdAt)}</Fact>
          <Fact label={t('tickets.fields.lastActivity')}>{format.dateTime(ticket.lastActivityAt)}</Fact>
        </SimpleGrid>
        {ticket.escalationLevel > 0 && (
          <Fact label={t('tickets.escalation.level', { n: ticket.escalationLevel })}>
            <Text size="sm" c="red" style={{ whiteSpace: 'pre-wrap' }}>
              {ticket.escalationReason ?? ''}
            </Text>
          </Fact>
        )}
        {fields.length > 0 && (
          <>
            <Divider />
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
              {fields.map((f) => (
                <Fact key={f.key} label={fieldLabel(f, i18n.language)}>
                  {show(f.type, ticket.typeFields[f.key])}
                </Fact>
              ))}
            </SimpleGrid>
          </>
        )}
        {customFields.length > 0 && (
          <>
            <Divider />
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
              {customFields.map((f) => (
                <Fact key={f.key} label={fieldLabel(f, i18n.language)}>
                  {show(f.type, ticket.custom[f.key])}
                </Fact>
              ))}
            </SimpleGrid>
          </>
        )}
        <Divider />
        <div>
          <Text fw={600} size="sm">
            {t('portalTickets.ticket.contact')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('portalTickets.ticket.contactHint')}
          </Text>
        </div>
        <Stack gap={6}>
          {(
            [
              ['fields.name', contact.name],
              ['fields.email', contact.email],
              ['fields.phone', contact.phone],
              ['fields.location', contact.location],
              ['fields.timeZone', contact.timeZone],
            ] as const
          ).map(([label, value]) => (
            <Group key={label} justify="space-between" gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed">
                {t(label)}
              </Text>
              <Text size="sm" ta="right" style={{ overflowWrap: 'anywhere' }}>
                {value || '—'}
              </Text>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
