import { Checkbox, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { FormError } from '../../../ui/QueryError.tsx';
import { StaleNotice } from '../../../ui/StaleNotice.tsx';
import { toastSuccess } from '../../../ui/toast.ts';
import { useForm } from '../../../ui/useForm.ts';
import { useSaveTicketType } from '../tickets.api.ts';
import type { TicketType } from '../tickets.types.ts';
import { type FieldRow, TypeFieldsEditor } from './TypeFieldsEditor.tsx';
import { FormActions } from '../../../ui/FormActions.tsx';

const LANGS = [
  ['en', 'English'],
  ['vi', 'Tiếng Việt'],
  ['bg', 'Български'],
  ['zh', '简体中文'],
] as const;

/** Create or edit a ticket type (TKT-2): key (fixed once created), names per language, its fields. */
export function TicketTypeFormModal({ type, onClose }: { type: TicketType | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveTicketType();
  const [stale, setStale] = useState(false);
  const [rows, setRows] = useState<FieldRow[]>(() => (type?.fields ?? []).map((f) => ({ ...f, stored: true })));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const form = useForm({
    key: type?.key ?? '',
    name: type?.name ?? '',
    en: type?.labels.en ?? '',
    vi: type?.labels.vi ?? '',
    bg: type?.labels.bg ?? '',
    zh: type?.labels.zh ?? '',
    position: (type?.position ?? 0) as number | '',
    active: type?.active ?? true,
  });
  const v = form.values;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!v.name.trim()) return form.setFieldError('name', t('validation.required'));
    if (!type && !/^[a-z][a-z0-9_]{1,39}$/.test(v.key)) return form.setFieldError('key', t('tickets.admin.keyHint'));
    const labels = Object.fromEntries(LANGS.map(([l]) => [l, v[l].trim()]).filter(([, x]) => x));
    const fields = rows.map((r) => ({ key: r.key.trim(), label: r.label.trim(), type: r.type, options: r.options, required: r.required, active: r.active }));
    const body = {
      name: v.name.trim(),
      labels,
      fields,
      position: v.position === '' ? 0 : v.position,
      ...(type ? { active: v.active } : { key: v.key }),
    };
    setFieldErrors({});
    save.mutate(
      { id: type?.id, version: type?.version, body },
      {
        onSuccess: (saved) => (toastSuccess(t('tickets.admin.types.saved', { name: saved.name })), onClose()),
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412) return setStale(true);
          const onFields = error instanceof ApiError ? error.errors.filter((e) => e.field.startsWith('fields')) : [];
          setFieldErrors(Object.fromEntries(onFields.map((e) => [e.field, e.message])));
          const rest = error instanceof ApiError ? error.errors.filter((e) => !e.field.startsWith('fields')) : [];
          if (rest.length || !onFields.length) form.applyError(error instanceof ApiError ? new ApiError(error.status, error.code, error.detail, rest, error.body) : error);
          else form.setFormError(null);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={type ? t('tickets.admin.types.editTitle', { name: type.name }) : t('tickets.admin.types.createTitle')} size="xl" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {stale && <StaleNotice message={t('tickets.admin.stale')} onReload={onClose} />}
          <FormError message={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('tickets.admin.key')} description={t('tickets.admin.keyHint')} required disabled={!!type} data-autofocus {...form.text('key')} />
            <TextInput label={t('tickets.admin.name')} required {...form.text('name')} />
            {LANGS.map(([l, language]) => (
              <TextInput key={l} label={t('tickets.admin.nameIn', { language })} {...form.text(l)} />
            ))}
          </SimpleGrid>
          <Group>
            <NumberInput label={t('tickets.admin.position')} min={0} max={1000} allowDecimal={false} w={140} value={v.position} onChange={(x) => form.setValue('position', typeof x === 'number' ? x : '')} />
            {type && <Checkbox mt="lg" label={t('common.active')} checked={v.active} onChange={(e) => form.setValue('active', e.currentTarget.checked)} />}
          </Group>
          <TypeFieldsEditor rows={rows} onChange={setRows} errors={fieldErrors} />
          <FormActions onCancel={onClose} busy={save.isPending} label={type ? t('common.save') : t('common.create')} disabled={stale} mt="sm" />
        </Stack>
      </form>
    </Modal>
  );
}
