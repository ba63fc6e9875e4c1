import { ActionIcon, Anchor, Group, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowRight, IconChevronDown, IconChevronUp, IconEye, IconPencil, IconSelector } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { ConfirmAction } from '../../ui/confirm.tsx';
import { useCustomValueText } from '../../ui/customValue.ts';
import { errorMessage } from '../../ui/errors.ts';
import { useFormat } from '../../ui/format.ts';
import { toastError, toastSuccess } from '../../ui/toast.ts';
import { OpenValue, PaidValue, StatusBadge, TypeBadge } from './badges.tsx';
import { fieldLabel, useConvertCustomer } from './customers.api.ts';
import type { Customer, CustomerSort, CustomFieldDefinition } from './customers.types.ts';
import type { SortState } from './CustomersPage.tsx';

function SortHeader({ label, sortKey, sort, onSort }: { label: string; sortKey?: CustomerSort; sort: SortState; onSort: (s: SortState) => void }) {
  if (!sortKey) return <Table.Th style={{ whiteSpace: 'nowrap' }}>{label}</Table.Th>;
  const active = sort.sort === sortKey;
  const Icon = active ? (sort.order === 'asc' ? IconChevronUp : IconChevronDown) : IconSelector;
  // Names and numbers read A→Z first; dates and values newest/largest first.
  const first = sortKey === 'name' || sortKey === 'number' ? 'asc' : 'desc';
  const next = () => onSort({ sort: sortKey, order: active ? (sort.order === 'asc' ? 'desc' : 'asc') : first });
  return (
    <Table.Th aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton onClick={next} style={{ display: 'flex', alignItems: 'center', gap: 4, fontWeight: 700, fontSize: 'inherit' }}>
        {label}
        <Icon size={14} />
      </UnstyledButton>
    </Table.Th>
  );
}

function ConvertAction({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const convert = useConvertCustomer();
  return (
    <ConfirmAction
      title={t('customers.convert')}
      message={t('customers.convertConfirm', { name: customer.name })}
      confirmLabel={t('customers.convert')}
      color="teal"
      onConfirm={() =>
        convert.mutateAsync(
          { id: customer.id, version: customer.version },
          { onSuccess: () => toastSuccess(t('customers.converted', { name: customer.name })), onError: (e) => toastError(errorMessage(t, e)) },
        )
      }
    >
      {(ask) => (
        <Tooltip label={t('customers.convert')}>
          <ActionIcon variant="subtle" color="teal" onClick={ask} aria-label={`${t('customers.convert')}: ${customer.name}`}>
            <IconArrowRight size={17} />
          </ActionIcon>
        </Tooltip>
      )}
    </ConfirmAction>
  );
}

export function CustomersTable({ customers, fields, sort, onSort, onEdit }: {
  customers: Customer[];
  fields: CustomFieldDefinition[];
  sort: SortState;
  onSort: (s: SortState) => void;
  onEdit: (c: Customer) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const customText = useCustomValueText();
  const can = useCan();
  const writable = can('customers.write');
  const h = (label: string, sortKey?: CustomerSort) => <SortHeader label={label} sortKey={sortKey} sort={sort} onSort={onSort} />;
  return (
    <Table.ScrollContainer minWidth={1250 + fields.length * 130}>
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {h(t('customers.fields.number'), 'number')}
            {h(t('customers.fields.name'), 'name')}
            {h(t('customers.fields.type'))}
            {h(t('customers.fields.status'))}
            {h(t('customers.fields.email'))}
            {h(t('customers.fields.owner'))}
            {h(t('customers.fields.totalValue'))}
            {h(t('customers.fields.lifetimeValue'), 'lifetimeValue')}
            {h(t('customers.fields.lastContact'), 'lastContact')}
            {h(t('customers.fields.createdAt'), 'created')}
            {fields.map((def) => (
              <Table.Th key={def.key}>{fieldLabel(def, i18n.language)}</Table.Th>
            ))}
            <Table.Th w={110} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((c) => (
            <Table.Tr key={c.id} opacity={c.status === 'INACTIVE' ? 0.65 : 1}>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {c.number}
                </Text>
              </Table.Td>
              <Table.Td miw={200}>
                <Anchor component={Link} to={`/customers/${c.number}`} size="sm" fw={500}>
                  {c.name}
                </Anchor>
                {c.phone && (
                  <Text size="xs" c="dimmed">
                    {c.phone}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <TypeBadge type={c.type} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.email ?? ''}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" c={c.owner ? undefined : 'dimmed'}>
                  {c.owner?.name ?? t('customers.unowned')}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <OpenValue value={c.totalValue} locale={format.locale} />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <PaidValue value={c.lifetimeValue} locale={format.locale} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {format.date(c.lastContactAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {format.date(c.createdAt)}
                </Text>
              </Table.Td>
              {fields.map((def) => (
                <Table.Td key={def.key}>
                  <Text size="sm">{customText(def.type, c.custom[def.key])}</Text>
                </Table.Td>
              ))}
              <Table.Td>
                <Group gap={2} wrap="nowrap" justify="flex-end">
                  <Tooltip label={t('customers.view')}>
                    <ActionIcon variant="subtle" component={Link} to={`/customers/${c.number}`} aria-label={`${t('customers.view')}: ${c.name}`}>
                      <IconEye size={17} />
                    </ActionIcon>
                  </Tooltip>
                  {writable && (
                    <Tooltip label={t('common.edit')}>
                      <ActionIcon variant="subtle" onClick={() => onEdit(c)} aria-label={`${t('common.edit')}: ${c.name}`}>
                        <IconPencil size={17} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                  {writable && c.status === 'LEAD' && <ConvertAction customer={c} />}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
