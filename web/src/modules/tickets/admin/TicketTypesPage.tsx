import { ActionIcon, Badge, Button, Card, Table, Text, Tooltip } from '@mantine/core';
import { IconCategory, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { SectionLoader } from '../../../ui/Loading.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { QueryError } from '../../../ui/QueryError.tsx';
import { typeName, useTicketTypes } from '../tickets.api.ts';
import type { TicketType } from '../tickets.types.ts';
import { TicketTypeFormModal } from './TicketTypeFormModal.tsx';

/** TKT-2 ticket types and the extra fields each asks for (tickets.manage). */
export default function TicketTypesPage() {
  const { t, i18n } = useTranslation();
  const types = useTicketTypes();
  const [dialog, setDialog] = useState<TicketType | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title={t('tickets.admin.types.title')}
        description={t('tickets.admin.types.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('new')}>
            {t('tickets.admin.types.create')}
          </Button>
        }
      />
      <Card withBorder radius="md" padding={0}>
        {types.isPending && <SectionLoader />}
        {types.isError && <QueryError error={types.error} onRetry={() => void types.refetch()} />}
        {types.isSuccess && types.data.length === 0 && <EmptyState icon={IconCategory} title={t('tickets.admin.types.empty')} />}
        {types.isSuccess && types.data.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tickets.admin.name')}</Table.Th>
                  <Table.Th>{t('tickets.admin.key')}</Table.Th>
                  <Table.Th>{t('tickets.admin.types.fields')}</Table.Th>
                  <Table.Th>{t('tickets.admin.state')}</Table.Th>
                  <Table.Th w={60} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {types.data.map((type) => (
                  <Table.Tr key={type.id} opacity={type.active ? 1 : 0.6}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {typeName(type, i18n.language)}
                      </Text>
                    </Table.Td>
                    <Table.Td ff="monospace">{type.key}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {type.fields.filter((f) => f.active).map((f) => (f.required ? `${f.label} *` : f.label)).join(', ') || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="dot" color={type.active ? 'teal' : 'gray'}>
                        {type.active ? t('common.active') : t('common.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={t('common.edit')}>
                        <ActionIcon variant="subtle" onClick={() => setDialog(type)} aria-label={`${t('common.edit')}: ${type.key}`}>
                          <IconPencil size={17} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {dialog && <TicketTypeFormModal key={dialog === 'new' ? 'new' : dialog.id} type={dialog === 'new' ? null : dialog} onClose={() => setDialog(null)} />}
    </>
  );
}
