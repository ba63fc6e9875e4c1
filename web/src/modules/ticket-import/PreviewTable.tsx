import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PreviewRow } from './ticketImport.api.ts';

/** Columns shown in the table: the few that identify a row (the rest stay in the file). */
const SHOWN = ['externalRef', 'number', 'title', 'type', 'priority', 'customer', 'component'];

/** Rows of the preview: line, the identifying cells, and each problem with the field it is about, or the ticket it duplicates. */
export function PreviewTable({ rows, columns, label }: { rows: PreviewRow[]; columns: string[]; label: (target: string) => string }) {
  const { t } = useTranslation();
  const shown = SHOWN.filter((c) => columns.includes(c));
  if (!rows.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('ticketImport.preview.noRows')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing={6} striped data-testid="ticket-import-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('imports.issues.row')}</Table.Th>
            {shown.map((c) => (
              <Table.Th key={c}>{label(c)}</Table.Th>
            ))}
            <Table.Th>{t('ticketImport.preview.problems')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              {shown.map((c) => (
                <Table.Td key={c}>
                  <Text size="sm" lineClamp={2}>
                    {row.values[c]}
                  </Text>
                </Table.Td>
              ))}
              <Table.Td>
                {row.errors.length > 0 ? (
                  <Stack gap={2}>
                    {row.errors.map((e) => (
                      <Text key={`${e.field}:${e.message}`} size="sm" c="red">
                        <Text span fw={600} size="xs">
                          {label(e.field)}
                        </Text>{' '}
                        {e.message}
                      </Text>
                    ))}
                  </Stack>
                ) : row.duplicateOf ? (
                  <Badge color="orange" variant="light">
                    {t('ticketImport.preview.duplicateOf')}{' '}
                    <Anchor component={Link} to={`/tickets/${row.duplicateOf.number}`} size="xs" inherit>
                      {row.duplicateOf.number}
                    </Anchor>
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light">
                    {t('ticketImport.preview.ok')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
