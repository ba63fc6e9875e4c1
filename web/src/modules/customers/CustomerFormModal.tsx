import { Alert, Anchor, Modal, Stack } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { FormError, QueryError } from '../../ui/QueryError.tsx';
import { StaleNotice } from '../../ui/StaleNotice.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { useForm } from '../../ui/useForm.ts';
import { CustomerFields } from './CustomerFields.tsx';
import { addressChanges, createBody, type CustomerFormValues, EMPTY_CUSTOMER, updateBody, valuesOf } from './customerForm.ts';
import { CUSTOMERS_KEY, fetchCustomer, saveAddresses, useCustomFields, useSaveCustomer } from './customers.api.ts';
import type { CustomerDetail, DuplicateRef } from './customers.types.ts';
import { FormActions } from '../../ui/FormActions.tsx';

/** Create (idOrNumber null) or edit a customer; the edit form loads the current record first. */
export function CustomerFormModal({ idOrNumber, opened, onClose, onCreated }: {
  idOrNumber: string | null;
  opened: boolean;
  onClose: () => void;
  onCreated?: (c: CustomerDetail) => void;
}) {
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: [...CUSTOMERS_KEY, 'detail', idOrNumber], queryFn: () => fetchCustomer(idOrNumber!), enabled: !!idOrNumber, gcTime: 0 });
  const title = idOrNumber ? t('customers.editTitle', { name: detail.data?.name ?? '' }) : t('customers.createTitle');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="xl" centered>
      {idOrNumber && detail.isPending && <SectionLoader />}
      {idOrNumber && detail.isError && <QueryError error={detail.error} onRetry={() => void detail.refetch()} />}
      {(!idOrNumber || detail.data) && <CustomerForm base={detail.data ?? null} onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function CustomerForm({ base: initial, onClose, onCreated }: { base: CustomerDetail | null; onClose: () => void; onCreated?: (c: CustomerDetail) => void }) {
  const { t } = useTranslation();
  const save = useSaveCustomer();
  const queryClient = useQueryClient();
  const defs = useCustomFields();
  const fields = useMemo(() => (defs.data ?? []).filter((d) => d.active), [defs.data]);
  const [base, setBase] = useState(initial);
  const [stale, setStale] = useState(false);
  const [duplicate, setDuplicate] = useState<DuplicateRef | null>(null);
  const [customErrors, setCustomErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const form = useForm<CustomerFormValues>(initial ? valuesOf(initial) : EMPTY_CUSTOMER);
  const top = useRef<HTMLDivElement>(null);
  // A refusal is shown above the form: bring it into view when it appears (the Create button is far below).
  useEffect(() => {
    if (duplicate || form.formError || stale) top.current?.scrollIntoView({ block: 'start' });
  }, [duplicate, form.formError, stale]);

  const showError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 412) return setStale(true);
    // "addresses.1.country" belongs to the address list, not to the customer's own country input.
    const placed =
      error instanceof ApiError
        ? new ApiError(
            error.status,
            error.code,
            error.detail,
            error.errors.map((e) => {
              const m = /^addresses\.(\d+)\.(\w+)/.exec(e.field);
              if (m) return { field: 'addresses', message: t('customers.addresses.error', { n: Number(m[1]) + 1, message: e.message }) };
              // CUS-2's per-field "Already used by CUST-… (name)", said in the user's language.
              const dup = error.status === 409 ? /^Already used by (\S+) \((.*)\)$/.exec(e.message) : null;
              return dup ? { field: e.field, message: t('customers.duplicate.field', { number: dup[1], name: dup[2] }) } : e;
            }),
            error.body,
          )
        : error;
    form.applyError(placed);
    const custom: Record<string, string> = {};
    if (error instanceof ApiError) {
      for (const e of error.errors) if (e.field.startsWith('custom.')) custom[e.field.slice(7)] = e.message;
      const existing = error.status === 409 ? (error.body.existing as DuplicateRef | undefined) : undefined;
      setDuplicate(existing ?? null);
      // The duplicate alert says it all; the field errors stay on the inputs.
      if (existing) form.setFormError(null);
    }
    setCustomErrors(custom);
  };

  const reload = async () => {
    if (!base) return;
    const fresh = await fetchCustomer(base.id);
    setBase(fresh);
    form.reset(valuesOf(fresh));
    setStale(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    if (v.type === 'company' && !v.companyName.trim()) return form.setFieldError('companyName', t('validation.required'));
    if (v.type === 'individual' && !v.firstName.trim() && !v.lastName.trim()) return form.setFieldError('firstName', t('validation.required'));
    form.setFormError(null);
    setDuplicate(null);
    setCustomErrors({});
    setBusy(true);
    try {
      if (!base) {
        const created = await save.mutateAsync({ body: createBody(v) });
        toastSuccess(t('customers.created', { name: created.name }));
        onCreated?.(created);
      } else {
        const body = updateBody(v, base);
        let saved = base;
        if (Object.keys(body).length) saved = await save.mutateAsync({ id: base.id, version: base.version, body });
        setBase(saved);
        const changes = addressChanges(v, base);
        if (changes.length) await saveAddresses(base.id, changes);
        toastSuccess(t('customers.saved', { name: saved.name }));
      }
      onClose();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
      // Address writes bypass the mutation: refresh what shows them either way.
      if (base) void queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        {/* The modal header is sticky: keep the message below it when scrolled to. */}
        <div ref={top} style={{ scrollMarginTop: 80 }} />
        {stale && <StaleNotice message={t('customers.stale')} onReload={() => void reload()} reloading={false} />}
        {duplicate && (
          <Alert color="orange" icon={<IconCopy size={18} />} title={t('customers.duplicate.title')} role="alert">
            {t('customers.duplicate.message', { number: duplicate.number, name: duplicate.name })}{' '}
            <Anchor component={Link} to={`/customers/${duplicate.number}`}>
              {t('customers.duplicate.open', { number: duplicate.number })}
            </Anchor>
          </Alert>
        )}
        <FormError message={form.formError} />
        <CustomerFields form={form} fields={fields} customErrors={customErrors} editing={!!base} />
        <FormActions onCancel={onClose} busy={busy} label={base ? t('common.save') : t('common.create')} disabled={stale} mt="sm" />
      </Stack>
    </form>
  );
}
