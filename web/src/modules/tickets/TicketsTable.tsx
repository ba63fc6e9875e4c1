import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCustomValueText } from '../../ui/customValue.ts';
import { useFormat } from '../../ui/format.ts';
import type { CustomFieldDefinition } from '../customers/customers.types.ts';
import { EscalationBadge, PriorityBadge, SlaBadge, TicketStatusBadge } from './badges.tsx';
import { fieldLabel } from './fieldLabel.ts';
import { typeName } from './tickets.api.ts';
import type { Ticket, TicketType } from './tickets.types.ts';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** "3 hours ago", the exact time on hover; the staff list and the portal's list show it alike. */
export function LastActivity({ at, dimmed }: { at: string; dimmed?: boolean }) {
  const format = useFormat();
  return (
    <Text size="sm" c={dimmed ? 'dimmed' : undefined} title={format.dateTime(at)}>
      {format.ago(at)}
    </Text>
  );
}

/**
 * The agent's ticket list: one row per ticket, newest first (the server's order), then one column per
 * active ticket custom field (PLT-11), after the built-in ones as in the customer list.
 */
export function TicketsTable({ tickets, types, fields }: { tickets: Ticket[]; types: TicketType[]; fields: CustomFieldDefinition[] }) {
  const { t, i18n } = useTranslation();
  const customText = useCustomValueText();
  const typeLabel = (ticket: Ticket) => {
    const full = types.find((x) => x.id === ticket.type.id);
    return full ? typeName(full, i18n.language) : ticket.type.name;
  };
  return (
    <Table.ScrollContainer minWidth={1350 + fields.length * 130}>
      <Table verticalSpacing="xs" highlightOnHover aria-label={t('tickets.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={nowrap}>{t('tickets.fields.number')}</Table.Th>
            <Table.Th>{t('tickets.fields.title')}</Table.Th>
            <Table.Th style={nowrap}>{t('tickets.fields.status')}</Table.Th>
            <Table.Th style={nowrap}>{t('tickets.fields.priority')}</Table.Th>
            <Table.Th style={nowrap}>{t('tickets.fields.type')}</Table.Th>
            <Table.Th style={nowrap}>{t('tickets.fields.component')}</Table.Th>
            <Table.Th style={nowrap}>{t('tickets.fields.customer')}</Table.Th>
            <Table.Th style={nowrap}>{t('tickets.fields.processor')}</Table.Th>
            <Table.Th style={nowrap}>{t('tickets.fields.sla')}</Table.Th>
            <Table.Th style={nowrap}>{t('tickets.fields.escalation')}</Table.Th>
            <Table.Th style={nowrap}>{t('tickets.fields.lastActivity')}</Table.Th>
            {fields.map((def) => (
              <Table.Th key={def.key} style={nowrap}>
                {fieldLabel(def, i18n.language)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tickets.map((ticket) => (
            <Table.Tr key={ticket.id} opacity={ticket.status === 'closed' ? 0.7 : 1}>
              <Table.Td>
                <Anchor component={Link} to={`/tickets/${ticket.number}`} size="sm" ff="monospace" style={nowrap}>
                  {ticket.number}
                </Anchor>
              </Table.Td>
              <Table.Td miw={240}>
                <Anchor component={Link} to={`/tickets/${ticket.number}`} size="sm" fw={500} c="var(--mantine-color-text)" lineClamp={2}>
                  {ticket.title}
                </Anchor>
                {ticket.tags.length > 0 && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {ticket.tags.map((tag) => `#${tag}`).join(' ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={nowrap}>
                <TicketStatusBadge status={ticket.status} />
              </Table.Td>
              <Table.Td style={nowrap}>
                <PriorityBadge priority={ticket.priority} />
              </Table.Td>
              <Table.Td style={nowrap}>
                <Text size="sm">{typeLabel(ticket)}</Text>
              </Table.Td>
              <Table.Td style={nowrap}>
                <Text size="sm" c={ticket.component ? undefined : 'dimmed'}>
                  {ticket.component?.name ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td miw={160}>
                <Anchor component={Link} to={`/customers/${ticket.customer.number}`} size="sm" lineClamp={1}>
                  {ticket.customer.name}
                </Anchor>
              </Table.Td>
              <Table.Td style={nowrap}>
                <Text size="sm" c={ticket.processor ? undefined : 'dimmed'}>
                  {ticket.processor?.name ?? t('tickets.unassigned')}
                </Text>
              </Table.Td>
              <Table.Td style={nowrap}>
                <SlaBadge sla={ticket.sla} />
              </Table.Td>
              <Table.Td style={nowrap}>
                <EscalationBadge level={ticket.escalationLevel} />
              </Table.Td>
              <Table.Td style={nowrap}>
                <LastActivity at={ticket.lastActivityAt} />
              </Table.Td>
              {fields.map((def) => (
                <Table.Td key={def.key} miw={110}>
                  <Text size="sm" lineClamp={2}>
                    {customText(def.type, ticket.custom[def.key])}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
