import { Modal, Select, Stack } from '@mantine/core';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/QueryError.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { useForm } from '../../ui/useForm.ts';
import { useStaffOptions, useTeams } from '../identity/org.api.ts';
import { useAssignCustomer } from './customers.api.ts';
import type { Customer } from './customers.types.ts';
import { FormActions } from '../../ui/FormActions.tsx';

/** CUS-4 assign owner and/or team (customers.assign: managers and admins). */
export function AssignModal({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const staff = useStaffOptions();
  const teams = useTeams();
  const assign = useAssignCustomer();
  const form = useForm<{ ownerId: string | null; teamId: string | null }>({ ownerId: customer.owner?.id ?? null, teamId: customer.team?.id ?? null });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: { ownerId?: string | null; teamId?: string | null } = {};
    if (form.values.ownerId !== (customer.owner?.id ?? null)) body.ownerId = form.values.ownerId;
    if (form.values.teamId !== (customer.team?.id ?? null)) body.teamId = form.values.teamId;
    if (!Object.keys(body).length) return onClose();
    assign.mutate(
      { id: customer.id, body },
      {
        onSuccess: (c) => {
          toastSuccess(t('customers.assigned', { name: c.name }));
          onClose();
        },
        onError: (e) => form.applyError(e),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('customers.assignTitle', { name: customer.name })} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={form.formError} />
          <Select
            label={t('customers.fields.owner')}
            placeholder={t('customers.unowned')}
            data={(staff.data ?? []).filter((s) => s.active).map((s) => ({ value: s.value, label: s.label }))}
            searchable
            clearable
            {...form.field('ownerId')}
          />
          <Select
            label={t('customers.fields.team')}
            data={(teams.data ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: x.name }))}
            clearable
            {...form.field('teamId')}
          />
          <FormActions onCancel={onClose} busy={assign.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
