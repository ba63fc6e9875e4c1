import { ActionIcon, Badge, Button, Card, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconStack2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { SectionLoader } from '../../../ui/Loading.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { QueryError } from '../../../ui/QueryError.tsx';
import { useTicketComponents } from '../tickets.api.ts';
import type { TicketComponent } from '../tickets.types.ts';
import { ComponentFormModal } from './ComponentFormModal.tsx';

/** Ticket components (queues): who is responsible, how new tickets are handed out (tickets.manage). */
export default function TicketComponentsPage() {
  const { t } = useTranslation();
  const components = useTicketComponents();
  const [dialog, setDialog] = useState<TicketComponent | 'new' | null>(null);
  // Before contract item 4 the server sends no distribution: edit staff as a plain list then.
  return (
    <>
      <PageHeader
        title={t('tickets.admin.components.title')}
        description={t('tickets.admin.components.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('new')}>
            {t('tickets.admin.components.create')}
          </Button>
        }
      />
      <Card withBorder radius="md" padding={0}>
        {components.isPending && <SectionLoader />}
        {components.isError && <QueryError error={components.error} onRetry={() => void components.refetch()} />}
        {components.isSuccess && components.data.length === 0 && <EmptyState icon={IconStack2} title={t('tickets.admin.components.empty')} />}
        {components.isSuccess && components.data.length > 0 && (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tickets.admin.name')}</Table.Th>
                  <Table.Th>{t('tickets.admin.key')}</Table.Th>
                  <Table.Th>{t('tickets.admin.components.distribution')}</Table.Th>
                  <Table.Th>{t('tickets.admin.components.staff')}</Table.Th>
                  <Table.Th>{t('tickets.admin.state')}</Table.Th>
                  <Table.Th w={60} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {components.data.map((c) => (
                  <Table.Tr key={c.id} opacity={c.active ? 1 : 0.6}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {c.name}
                      </Text>
                      {c.description && (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {c.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ff="monospace">{c.key}</Table.Td>
                    <Table.Td>{t(`tickets.admin.components.distributionMode.${c.distribution}`)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {c.staff.map((s) => (
                          <Badge key={s.id} variant={s.available === false ? 'outline' : 'light'} color={s.role === 'manager' ? 'grape' : 'blue'} size="sm" tt="none">
                            {s.name}
                            {s.role === 'manager' ? ` · ${t('tickets.admin.components.roles.manager')}` : ''}
                            {s.available === false ? ` · ${t('tickets.admin.components.away')}` : ''}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="dot" color={c.active ? 'teal' : 'gray'}>
                        {c.active ? t('common.active') : t('common.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={t('common.edit')}>
                        <ActionIcon variant="subtle" onClick={() => setDialog(c)} aria-label={`${t('common.edit')}: ${c.key}`}>
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
      {dialog && <ComponentFormModal key={dialog === 'new' ? 'new' : dialog.id} component={dialog === 'new' ? null : dialog} onClose={() => setDialog(null)} />}
    </>
  );
}
