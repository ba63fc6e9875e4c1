import { Button, Card, Center, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconUpload, IconUsers } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SectionLoader } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ExportButton, type ExportFilters } from '../customer-import/ExportButton.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { CustomerFilterBar } from './CustomerFilterBar.tsx';
import { CustomerFormModal } from './CustomerFormModal.tsx';
import { CustomersTable } from './CustomersTable.tsx';
import { compactFilter, useCustomerList, useCustomFields } from './customers.api.ts';
import type { CustomerFilter, CustomerSort } from './customers.types.ts';
import { SegmentPicker } from './SegmentPicker.tsx';

export interface SortState {
  sort: CustomerSort;
  order: 'asc' | 'desc';
}

/**
 * CUS customer list (seed 004 CustomerListView): number, name, type, status, e-mail, owner, values,
 * contact and creation dates, custom field columns; filters, segments, keyset "load more".
 */
export default function CustomersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<CustomerFilter>(() => (params.get('q') ? { q: params.get('q')! } : {}));
  // The header search sends Enter here as ?q=: a new search replaces the current filter.
  const urlQ = params.get('q');
  useEffect(() => {
    if (urlQ) setFilter({ q: urlQ });
  }, [urlQ]);
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [sort, setSort] = useState<SortState>({ sort: 'created', order: 'desc' });
  const [dialog, setDialog] = useState<string | 'new' | null>(null);
  const [debouncedQ] = useDebouncedValue(filter.q?.trim() ?? '', 300);
  const fields = useCustomFields();
  const activeFields = useMemo(() => (fields.data ?? []).filter((d) => d.active), [fields.data]);

  const effective = useMemo(() => compactFilter({ ...filter, q: debouncedQ || undefined }), [filter, debouncedQ]);
  const list = useCustomerList(effective, sort.sort, sort.order);
  const filtered = Object.keys(effective).length > 0;

  const changeFilter = (next: CustomerFilter) => {
    setFilter(next);
    setSegmentId(null);
  };

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.subtitle')}
        actions={
          <>
            {/* Seed 004's list actions: import, export of the filtered list, create. */}
            {can('customers.import') && (
              <Button variant="default" leftSection={<IconUpload size={16} />} component={Link} to="/customers/import">
                {t('customers.import')}
              </Button>
            )}
            <ExportButton filters={effective as ExportFilters} />
            {can('customers.write') && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('new')}>
                {t('customers.create')}
              </Button>
            )}
          </>
        }
      />
      <Card withBorder radius="md" padding={0}>
        <Group p="md" pb={0} justify="space-between" wrap="wrap" gap="sm">
          <SegmentPicker
            value={segmentId}
            filter={effective}
            onPick={(segment) => {
              setSegmentId(segment?.id ?? null);
              setFilter(segment ? { ...segment.filter } : {});
            }}
          />
          {list.isSuccess && (
            <Text size="sm" c="dimmed">
              {list.hasNextPage ? t('customers.shownMore', { n: list.items.length }) : t('customers.shown', { n: list.items.length })}
            </Text>
          )}
        </Group>
        <CustomerFilterBar filter={filter} onChange={changeFilter} fields={activeFields} />
        {list.isPending && <SectionLoader />}
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && list.items.length === 0 && (
          <EmptyState
            icon={IconUsers}
            title={filtered ? t('customers.emptyFilteredTitle') : t('customers.emptyTitle')}
            description={filtered ? t('customers.emptyFilteredHint') : t('customers.emptyHint')}
            action={
              filtered ? (
                <Button variant="default" onClick={() => changeFilter({})}>
                  {t('customers.clearFilters')}
                </Button>
              ) : undefined
            }
          />
        )}
        {list.items.length > 0 && (
          <CustomersTable customers={list.items} fields={activeFields} sort={sort} onSort={setSort} onEdit={(c) => setDialog(c.id)} />
        )}
        {list.hasNextPage && (
          <Center p="md">
            <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          </Center>
        )}
      </Card>
      {dialog && (
        <CustomerFormModal
          key={dialog}
          idOrNumber={dialog === 'new' ? null : dialog}
          opened
          onClose={() => setDialog(null)}
          // A new customer opens at once: the next thing is usually to log the first contact.
          onCreated={(c) => void navigate(`/customers/${c.number}`)}
        />
      )}
    </>
  );
}
