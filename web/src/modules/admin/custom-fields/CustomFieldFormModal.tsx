import { Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { LANGUAGES } from '../../../api/types.ts';
import { FormError } from '../../../ui/QueryError.tsx';
import { StaleNotice } from '../../../ui/StaleNotice.tsx';
import { toastSuccess } from '../../../ui/toast.ts';
import { useForm } from '../../../ui/useForm.ts';
import { CUSTOM_FIELD_TYPES, type CustomFieldDefinition, type CustomFieldType } from '../../customers/customers.types.ts';
import { type CustomFieldInput, useSaveCustomField } from './customFields.api.ts';
import { FormActions } from '../../../ui/FormActions.tsx';

interface Values {
  key: string;
  type: CustomFieldType;
  en: string;
  vi: string;
  bg: string;
  zh: string;
  options: string[];
  required: boolean;
  active: boolean;
  clientAccess: ClientAccess;
  position: number | '';
}

type ClientAccess = CustomFieldDefinition['clientAccess'];
const CLIENT_ACCESS: ClientAccess[] = ['hidden', 'visible', 'editable'];

const isChoice = (type: CustomFieldType) => type === 'select' || type === 'multi-select';

/** Define a field (key, type, labels per language, options) or edit one (key and type fixed). */
export function CustomFieldFormModal({ entity, field, onClose }: { entity: CustomFieldDefinition['entity']; field: CustomFieldDefinition | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCustomField();
  const [stale, setStale] = useState(false);
  const form = useForm<Values>({
    key: field?.key ?? '',
    type: field?.type ?? 'text',
    en: field?.labels.en ?? '',
    vi: field?.labels.vi ?? '',
    bg: field?.labels.bg ?? '',
    zh: field?.labels.zh ?? '',
    options: field?.options ?? [],
    required: field?.required ?? false,
    active: field?.active ?? true,
    clientAccess: field?.clientAccess ?? 'hidden',
    position: field?.position ?? '',
  });
  const v = form.values;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const labels = Object.fromEntries(LANGUAGES.map((l) => [l, v[l].trim()]).filter(([, x]) => x));
    if (!Object.keys(labels).length) return form.setFieldError('en', t('validation.required'));
    if (!field && !/^[a-z][a-z0-9_]{0,39}$/.test(v.key)) return form.setFieldError('key', t('customFields.keyHint'));
    if (isChoice(v.type) && !v.options.length) return form.setFieldError('options', t('validation.required'));
    const body: CustomFieldInput = {
      label: labels,
      required: v.required,
      active: v.active,
      // Clients see tickets only (decision 0007): other entities keep the server's default, hidden.
      ...(entity === 'ticket' ? { clientAccess: v.clientAccess } : {}),
      ...(isChoice(v.type) ? { options: v.options } : {}),
      ...(v.position !== '' ? { position: v.position } : {}),
      ...(field ? {} : { entity, key: v.key, type: v.type }),
    };
    save.mutate(
      { id: field?.id, version: field?.version, body },
      {
        onSuccess: (saved) => {
          toastSuccess(t('customFields.saved', { key: saved.key }));
          onClose();
        },
        onError: (error) => (error instanceof ApiError && error.status === 412 ? setStale(true) : form.applyError(error)),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={field ? t('customFields.editTitle', { key: field.key }) : t('customFields.createTitle')} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {stale && <StaleNotice message={t('customFields.stale')} onReload={onClose} reloading={false} />}
          <FormError message={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('customFields.key')} description={t('customFields.keyHint')} required disabled={!!field} {...form.text('key')} data-autofocus />
            <Select
              label={t('customFields.type')}
              data={CUSTOM_FIELD_TYPES.map((x) => ({ value: x, label: t(`customFields.types.${x}`) }))}
              value={v.type}
              onChange={(x) => x && form.setValue('type', x as CustomFieldType)}
              disabled={!!field}
              allowDeselect={false}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('customFields.labelIn', { language: 'English' })} required {...form.text('en')} />
            <TextInput label={t('customFields.labelIn', { language: 'Tiếng Việt' })} {...form.text('vi')} />
            <TextInput label={t('customFields.labelIn', { language: 'Български' })} {...form.text('bg')} />
            <TextInput label={t('customFields.labelIn', { language: '简体中文' })} {...form.text('zh')} />
          </SimpleGrid>
          {isChoice(v.type) && (
            <TagsInput label={t('customFields.options')} description={t('customFields.optionsHint')} value={v.options} onChange={(x) => form.setValue('options', x)} error={form.errors.options} />
          )}
          {entity === 'ticket' && (
            <Select
              label={t('customFields.clientAccess')}
              description={t('customFields.clientAccessHint')}
              data={CLIENT_ACCESS.map((x) => ({ value: x, label: t(`customFields.clientAccessOptions.${x}`) }))}
              value={v.clientAccess}
              onChange={(x) => x && form.setValue('clientAccess', x as ClientAccess)}
              error={form.errors.clientAccess}
              allowDeselect={false}
              maw={320}
            />
          )}
          <Group>
            <NumberInput label={t('customFields.position')} min={0} allowDecimal={false} w={140} value={v.position} onChange={(x) => form.setValue('position', typeof x === 'number' ? x : '')} />
            <Checkbox mt="lg" label={t('customFields.required')} checked={v.required} onChange={(e) => form.setValue('required', e.currentTarget.checked)} />
            <Checkbox mt="lg" label={t('common.active')} checked={v.active} onChange={(e) => form.setValue('active', e.currentTarget.checked)} />
          </Group>
          <FormActions onCancel={onClose} busy={save.isPending} label={field ? t('common.save') : t('common.create')} disabled={stale} mt="sm" />
        </Stack>
      </form>
    </Modal>
  );
}
