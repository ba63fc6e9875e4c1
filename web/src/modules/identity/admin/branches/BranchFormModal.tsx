import { Modal, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../api/client.ts';
import type { Branch } from '../../../../api/types.ts';
import { timeZones } from '../../../../ui/format.ts';
import { FormError } from '../../../../ui/QueryError.tsx';
import { StaleNotice } from '../../../../ui/StaleNotice.tsx';
import { toastSuccess } from '../../../../ui/toast.ts';
import { useForm } from '../../../../ui/useForm.ts';
import { changedFields } from '../../../../ui/changes.ts';
import { type BranchInput, useSaveBranch } from '../../org.api.ts';
import { FormActions } from '../../../../ui/FormActions.tsx';

const toInput = (v: { code: string; name: string; address: string; timeZone: string; active: boolean }): BranchInput => ({
  code: v.code.trim(),
  name: v.name.trim(),
  address: v.address.trim() || null,
  timeZone: v.timeZone,
  active: v.active,
});

/** Create or edit a branch (IAM-4); edits carry If-Match and a 412 asks for a reload. */
export function BranchFormModal({ branch, onClose, onReload }: { branch: Branch | null; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const save = useSaveBranch();
  const zones = useMemo(() => timeZones(branch?.timeZone), [branch?.timeZone]);
  const form = useForm({
    code: branch?.code ?? '',
    name: branch?.name ?? '',
    address: branch?.address ?? '',
    timeZone: branch?.timeZone ?? 'UTC',
    active: branch?.active ?? true,
  });
  const stale = save.error instanceof ApiError && save.error.status === 412;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let ok = true;
    for (const key of ['code', 'name'] as const) {
      if (!form.values[key].trim()) {
        form.setFieldError(key, t('validation.required'));
        ok = false;
      }
    }
    if (!ok) return;
    const next = toInput(form.values);
    const body = branch ? changedFields(next, toInput({ ...branch, address: branch.address ?? '' })) : next;
    if (branch && !Object.keys(body).length) return onClose();
    form.setFormError(null);
    save.mutate(
      { id: branch?.id, version: branch?.version, body },
      {
        onSuccess: (saved) => {
          toastSuccess(t('branches.saved', { name: saved.name }));
          onClose();
        },
        onError: (error) => {
          if (!(error instanceof ApiError && error.status === 412)) form.applyError(error);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={branch ? t('branches.editTitle', { name: branch.name }) : t('branches.createTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {stale && <StaleNotice message={t('branches.stale')} onReload={onReload} />}
          <FormError message={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('branches.code')} description={t('branches.codeHint')} required maxLength={20} data-autofocus {...form.text('code')} />
            <TextInput label={t('fields.name')} required {...form.text('name')} />
          </SimpleGrid>
          <Textarea label={t('branches.address')} autosize minRows={2} {...form.text('address')} />
          <Select
            label={t('fields.timeZone')}
            searchable
            allowDeselect={false}
            limit={100}
            data={zones}
            nothingFoundMessage={t('common.nothingFound')}
            value={form.values.timeZone}
            onChange={(v) => v && form.setValue('timeZone', v)}
            error={form.errors.timeZone}
          />
          <Switch
            label={t('common.active')}
            checked={form.values.active}
            onChange={(e) => form.setValue('active', e.currentTarget.checked)}
          />
          <FormActions onCancel={onClose} busy={save.isPending} disabled={stale} />
        </Stack>
      </form>
    </Modal>
  );
}
