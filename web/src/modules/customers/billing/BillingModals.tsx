import { Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../ui/QueryError.tsx';
import { toastSuccess } from '../../../ui/toast.ts';
import { useForm } from '../../../ui/useForm.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { type Invoice, outstanding, PAYMENT_METHODS, useAddContract, useAddInvoice, useRecordPayment } from './billing.api.ts';

const optional = (v: string) => v.trim() || undefined;

/** CUS-5: a new contract (title, value, currency, period; it starts as a draft or active). */
export function ContractFormModal({ idOrNumber, onClose }: { idOrNumber: string; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddContract(idOrNumber);
  const form = useForm({ title: '', value: '', currency: 'VND', startDate: '', endDate: '', status: 'DRAFT' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    const body = { title: v.title, value: v.value.trim(), currency: v.currency, startDate: optional(v.startDate), endDate: optional(v.endDate), status: v.status };
    add.mutate(body, {
      onSuccess: () => {
        toastSuccess(t('billing.contractAdded'));
        onClose();
      },
      onError: (error) => form.applyError(error),
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('billing.newContract')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError message={form.formError} />
          <TextInput label={t('billing.fields.title')} required data-autofocus {...form.text('title')} />
          <Group grow>
            <TextInput label={t('billing.fields.value')} required inputMode="decimal" placeholder="1200000.00" {...form.text('value')} />
            <TextInput label={t('billing.fields.currency')} maxLength={3} {...form.text('currency')} />
          </Group>
          <Group grow>
            <TextInput type="date" label={t('billing.fields.startDate')} {...form.text('startDate')} />
            <TextInput type="date" label={t('billing.fields.endDate')} {...form.text('endDate')} />
          </Group>
          <Select
            label={t('billing.fields.status')}
            data={(['DRAFT', 'ACTIVE'] as const).map((s) => ({ value: s, label: t(`billing.contractStatus.${s}`) }))}
            allowDeselect={false}
            {...form.field('status')}
            onChange={(value) => form.setValue('status', value ?? 'DRAFT')}
          />
          <FormActions onCancel={onClose} busy={add.isPending} label={t('billing.addContract')} mt="xs" />
        </Stack>
      </form>
    </Modal>
  );
}

export function InvoiceFormModal({ idOrNumber, onClose }: { idOrNumber: string; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddInvoice(idOrNumber);
  const form = useForm({ amount: '', currency: 'VND', issuedOn: new Date().toISOString().slice(0, 10), dueDate: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    add.mutate(
      { amount: v.amount.trim(), currency: v.currency, issuedOn: optional(v.issuedOn), dueDate: optional(v.dueDate) },
      {
        onSuccess: () => {
          toastSuccess(t('billing.invoiceAdded'));
          onClose();
        },
        onError: (error) => form.applyError(error),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('billing.newInvoice')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError message={form.formError} />
          <Group grow>
            <TextInput label={t('billing.fields.amount')} required inputMode="decimal" data-autofocus {...form.text('amount')} />
            <TextInput label={t('billing.fields.currency')} maxLength={3} {...form.text('currency')} />
          </Group>
          <Group grow>
            <TextInput type="date" label={t('billing.fields.issuedOn')} {...form.text('issuedOn')} />
            <TextInput type="date" label={t('billing.fields.dueDate')} {...form.text('dueDate')} />
          </Group>
          <FormActions onCancel={onClose} busy={add.isPending} label={t('billing.addInvoice')} mt="xs" />
        </Stack>
      </form>
    </Modal>
  );
}

/** Records money received on an invoice; the amount starts at what is still owed. */
export function PaymentModal({ idOrNumber, invoice, onClose }: { idOrNumber: string; invoice: Invoice; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordPayment(idOrNumber);
  const owed = outstanding(invoice);
  const form = useForm({ amount: owed, paidOn: new Date().toISOString().slice(0, 10), method: 'BANK_TRANSFER', reference: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    record.mutate(
      { id: invoice.id, body: { amount: v.amount.trim(), paidOn: optional(v.paidOn), method: v.method, reference: optional(v.reference) } },
      {
        onSuccess: () => {
          toastSuccess(t('billing.paymentRecorded', { number: invoice.number }));
          onClose();
        },
        onError: (error) => form.applyError(error),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('billing.recordPaymentTitle', { number: invoice.number })} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError message={form.formError} />
          <TextInput
            label={t('billing.fields.paymentAmount', { currency: invoice.currency })}
            description={t('billing.owed', { amount: owed, currency: invoice.currency })}
            required
            inputMode="decimal"
            data-autofocus
            {...form.text('amount')}
          />
          <Group grow>
            <TextInput type="date" label={t('billing.fields.paidOn')} {...form.text('paidOn')} />
            <Select
              label={t('billing.fields.method')}
              data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`billing.method.${m}`) }))}
              allowDeselect={false}
              {...form.field('method')}
              onChange={(value) => form.setValue('method', value ?? 'BANK_TRANSFER')}
            />
          </Group>
          <TextInput label={t('billing.fields.reference')} {...form.text('reference')} />
          <FormActions onCancel={onClose} busy={record.isPending} label={t('billing.recordPayment')} mt="xs" />
        </Stack>
      </form>
    </Modal>
  );
}
