import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useMe } from '../../app/session.tsx';
import { FormError } from '../../ui/QueryError.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { poolErrorMessage, usePoolMove } from './pool.api.ts';

interface Found {
  id: string;
  number: string;
  name: string;
}

/** Put a customer into the pool by hand, with a reason (owners their own; managers any they see). */
export function RecycleModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [customer, setCustomer] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ customer?: string; reason?: string; form?: string }>({});
  const found = useQuery({
    queryKey: ['customers', 'recycle-search', debounced, me.role],
    queryFn: () =>
      api<{ items: Found[] }>('/api/v1/customers', { query: { q: debounced || undefined, ownerId: me.role === 'sales' ? 'me' : undefined, limit: 20 } }),
  });
  const move = usePoolMove();
  const submit = () => {
    const next: typeof errors = {};
    if (!customer) next.customer = t('pool.chooseCustomer');
    if (reason.trim().length < 3) next.reason = t('pool.reasonTooShort');
    setErrors(next);
    if (next.customer || next.reason) return;
    move.mutate(
      { customer: customer!, action: 'recycle', reason: reason.trim() },
      {
        onSuccess: () => {
          toastSuccess(t('pool.recycled'));
          onClose();
        },
        onError: (e) => setErrors({ form: poolErrorMessage(t, e) }),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('pool.recycleTitle')}>
      <Stack>
        <FormError message={errors.form ?? null} />
        <Select
          label={t('pool.customer')}
          placeholder={t('pool.searchPlaceholder')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          data={(found.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.number} · ${c.name}` }))}
          value={customer}
          onChange={setCustomer}
          error={errors.customer}
          nothingFoundMessage={t('pool.nothingFound')}
          data-testid="recycle-customer"
        />
        <Textarea label={t('pool.recycleReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} autosize minRows={2} maxLength={500} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('pool.cancel')}
          </Button>
          <Button color="orange" onClick={submit} loading={move.isPending}>
            {t('pool.recycle')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
