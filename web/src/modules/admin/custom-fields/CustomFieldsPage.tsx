import { ActionIcon, Badge, Button, Card, Group, SegmentedControl, Table, Text, Tooltip } from '@mantine/core';
import { IconForms, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { SectionLoader } from '../../../ui/Loading.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { QueryError } from '../../../ui/QueryError.tsx';
import { fieldLabel, useCustomFields } from '../../customers/customers.api.ts';
import type { CustomFieldDefinition } from '../../customers/customers.types.ts';
import { CustomFieldFormModal } from './CustomFieldFormModal.tsx';

type Entity = CustomFieldDefinition['entity'];
const ENTITIES: Entity[] = ['customer', 'opportunity', 'ticket'];

/** PLT-11: typed custom fields per entity (custom_fields.manage). Key and type are fixed once created. */
export default function CustomFieldsPage() {
  const { t, i18n } = useTranslation();
  const [entity, setEntity] = useState<Entity>('customer');
  const [dialog, setDialog] = useState<CustomFieldDefinition | 'new' | null>(null);
  const list = useCustomFields(entity);
  return (
    <>
      <PageHeader
        title={t('customFields.title')}
        description={t('customFields.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('new')}>
            {t('customFields.create')}
          </Button>
        }
      />
      <Card withBorder radius="md" padding={0}>
        <Group p="md">
          <SegmentedControl value={entity} onChange={(v) => setEntity(v as Entity)} data={ENTITIES.map((e) => ({ value: e, label: t(`customFields.entity.${e}`) }))} />
        </Group>
        {list.isPending && <SectionLoader />}
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && list.data.length === 0 && <EmptyState icon={IconForms} title={t('customFields.emptyTitle')} description={t('customFields.emptyHint')} />}
        {list.isSuccess && list.data.length > 0 && (
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('customFields.label')}</Table.Th>
                  <Table.Th>{t('customFields.key')}</Table.Th>
                  <Table.Th>{t('customFields.type')}</Table.Th>
                  <Table.Th>{t('customFields.options')}</Table.Th>
                  <Table.Th>{t('customFields.required')}</Table.Th>
                  {entity === 'ticket' && <Table.Th>{t('customFields.clientAccess')}</Table.Th>}
                  <Table.Th>{t('customFields.state')}</Table.Th>
                  <Table.Th w={60} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((d) => (
                  <Table.Tr key={d.id} opacity={d.active ? 1 : 0.6}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {fieldLabel(d, i18n.language)}
                      </Text>
                    </Table.Td>
                    <Table.Td ff="monospace">{d.key}</Table.Td>
                    <Table.Td>{t(`customFields.types.${d.type}`)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {d.options.join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{d.required ? t('customers.yes') : t('customers.no')}</Table.Td>
                    {entity === 'ticket' && <Table.Td>{t(`customFields.clientAccessOptions.${d.clientAccess}`)}</Table.Td>}
                    <Table.Td>
                      <Badge variant="dot" color={d.active ? 'teal' : 'gray'}>
                        {d.active ? t('common.active') : t('common.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={t('common.edit')}>
                        <ActionIcon variant="subtle" onClick={() => setDialog(d)} aria-label={`${t('common.edit')}: ${d.key}`}>
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
      {dialog && (
        <CustomFieldFormModal key={dialog === 'new' ? 'new' : dialog.id} entity={entity} field={dialog === 'new' ? null : dialog} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
