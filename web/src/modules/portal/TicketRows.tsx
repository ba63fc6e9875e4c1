import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TicketStatusBadge } from '../tickets/badges.tsx';
import type { Ticket } from '../tickets/tickets.types.ts';
import { LastActivity } from '../tickets/TicketsTable.tsx';

/** The client's tickets: number, title, status and last activity; the title opens the ticket. */
export function TicketRows({ tickets }: { tickets: Ticket[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>{t('tickets.fields.number')}</Table.Th>
            <Table.Th>{t('tickets.fields.title')}</Table.Th>
            <Table.Th w={150}>{t('tickets.fields.status')}</Table.Th>
            <Table.Th w={190}>{t('tickets.fields.lastActivity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tickets.map((ticket) => (
            <Table.Tr key={ticket.id}>
              <Table.Td>
                <Text size="sm" ff="monospace" c="dimmed">
                  {ticket.number}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={`/portal/tickets/${ticket.number}`} fw={500} size="sm" lineClamp={1}>
                    {ticket.title}
                  </Anchor>
                  {ticket.escalationLevel > 0 && (
                    <Text size="xs" c="red">
                      {t('tickets.escalation.level', { n: ticket.escalationLevel })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <TicketStatusBadge status={ticket.status} audience="client" />
              </Table.Td>
              <Table.Td>
                <LastActivity at={ticket.lastActivityAt} dimmed />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
