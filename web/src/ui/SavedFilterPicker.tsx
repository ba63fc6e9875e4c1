import { ActionIcon, Button, Checkbox, Group, Modal, Select, Stack, TextInput, Tooltip } from '@mantine/core';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from './confirm.tsx';
import { errorMessage } from './errors.ts';
import { FormError } from './QueryError.tsx';
import { toastError, toastSuccess } from './toast.ts';
import { useForm } from './useForm.ts';
import { FormActions } from './FormActions.tsx';

/** The module's own words (customers' segments, tickets' views), already translated by the caller. */
export interface SavedFilterTexts {
  label: string;
  placeholder: string;
  nothingFound: string;
  save: string;
  saveTitle: string;
  name: string;
  /** When given, the save dialog also offers to share the filter with everyone. */
  shared?: string;
  saved: (name: string) => string;
  delete: string;
  deleteConfirm: (name: string) => string;
  deleted: (name: string) => string;
}

export interface SavedFilterInput {
  name: string;
  shared: boolean;
}

function SaveFilterModal<T extends { name: string }>({ texts, save, onClose, onSaved }: {
  texts: SavedFilterTexts;
  save: (input: SavedFilterInput) => Promise<T>;
  onClose: () => void;
  onSaved: (item: T) => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ name: '', shared: false });
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = form.values.name.trim();
    if (!name) return form.setFieldError('name', t('validation.required'));
    setBusy(true);
    let item: T;
    try {
      item = await save({ name, shared: form.values.shared });
    } catch (error) {
      setBusy(false);
      return form.applyError(error);
    }
    toastSuccess(texts.saved(item.name));
    onSaved(item);
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={texts.saveTitle} centered>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <FormError message={form.formError} />
          <TextInput label={texts.name} required data-autofocus {...form.text('name')} />
          {texts.shared && (
            <Checkbox label={texts.shared} checked={form.values.shared} onChange={(e) => form.setValue('shared', e.currentTarget.checked)} />
          )}
          <FormActions onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * A picker of saved filters: choose one, save the current filters under a name, delete the chosen
 * one (where `canDelete` allows). The caller owns the data and the API calls.
 */
export function SavedFilterPicker<T extends { id: string; name: string }>({
  items,
  value,
  onPick,
  texts,
  canSave,
  save,
  remove,
  canDelete = () => true,
  optionLabel = (item) => item.name,
  width,
}: {
  items: T[];
  value: string | null;
  onPick: (item: T | null) => void;
  texts: SavedFilterTexts;
  /** False while the current filters are empty: there is nothing to save. */
  canSave: boolean;
  save: (input: SavedFilterInput) => Promise<T>;
  remove: (item: T) => Promise<unknown>;
  canDelete?: (item: T) => boolean;
  optionLabel?: (item: T) => string;
  width: number;
}) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const current = items.find((item) => item.id === value) ?? null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        placeholder={texts.placeholder}
        aria-label={texts.label}
        data={items.map((item) => ({ value: item.id, label: optionLabel(item) }))}
        value={value}
        onChange={(id) => onPick(items.find((item) => item.id === id) ?? null)}
        clearable
        searchable
        nothingFoundMessage={texts.nothingFound}
        w={width}
      />
      {current && canDelete(current) && (
        <ConfirmAction
          title={texts.delete}
          message={texts.deleteConfirm(current.name)}
          confirmLabel={texts.delete}
          onConfirm={() =>
            remove(current).then(
              () => {
                toastSuccess(texts.deleted(current.name));
                onPick(null);
              },
              (error) => toastError(errorMessage(t, error)),
            )
          }
        >
          {(ask) => (
            <Tooltip label={texts.delete}>
              <ActionIcon variant="subtle" color="red" onClick={ask} aria-label={texts.delete}>
                <IconTrash size={17} />
              </ActionIcon>
            </Tooltip>
          )}
        </ConfirmAction>
      )}
      <Button variant="light" leftSection={<IconDeviceFloppy size={16} />} disabled={!canSave} onClick={() => setSaving(true)}>
        {texts.save}
      </Button>
      {saving && <SaveFilterModal texts={texts} save={save} onClose={() => setSaving(false)} onSaved={onPick} />}
    </Group>
  );
}
