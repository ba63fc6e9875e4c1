import { ActionIcon, Button, Checkbox, Group, Modal, Select, Stack, TextInput, Tooltip } from '@mantine/core';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../ui/confirm.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { FormError } from '../../ui/QueryError.tsx';
import { toastError, toastSuccess } from '../../ui/toast.ts';
import { useForm } from '../../ui/useForm.ts';
import { useDeleteSegment, useSaveSegment, useSegments } from './customers.api.ts';
import type { CustomerFilter, Segment } from './customers.types.ts';

function SaveSegmentModal({ filter, onClose, onSaved }: { filter: CustomerFilter; onClose: () => void; onSaved: (s: Segment) => void }) {
  const { t } = useTranslation();
  const save = useSaveSegment();
  const form = useForm({ name: '', shared: false });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.values.name.trim()) return form.setFieldError('name', t('validation.required'));
    save.mutate(
      { name: form.values.name.trim(), shared: form.values.shared, filter },
      {
        onSuccess: (segment) => {
          toastSuccess(t('customers.segments.saved', { name: segment.name }));
          onSaved(segment);
          onClose();
        },
        onError: (error) => form.applyError(error),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('customers.segments.saveTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={form.formError} />
          <TextInput label={t('customers.segments.name')} required data-autofocus {...form.text('name')} />
          <Checkbox
            label={t('customers.segments.shared')}
            checked={form.values.shared}
            onChange={(e) => form.setValue('shared', e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** CUS-4 segments: pick a saved filter, save the current one, delete one of mine. */
export function SegmentPicker({ value, filter, onPick }: { value: string | null; filter: CustomerFilter; onPick: (s: Segment | null) => void }) {
  const { t } = useTranslation();
  const segments = useSegments();
  const remove = useDeleteSegment();
  const [saving, setSaving] = useState(false);
  const items = segments.data ?? [];
  const current = items.find((s) => s.id === value) ?? null;
  const empty = Object.keys(filter).length === 0;
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        placeholder={t('customers.segments.all')}
        aria-label={t('customers.segments.label')}
        data={items.map((s) => ({ value: s.id, label: s.mine ? s.name : `${s.name} (${s.owner?.name ?? ''})` }))}
        value={value}
        onChange={(id) => onPick(items.find((s) => s.id === id) ?? null)}
        clearable
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        w={240}
      />
      {current?.mine && (
        <ConfirmAction
          title={t('customers.segments.delete')}
          message={t('customers.segments.deleteConfirm', { name: current.name })}
          confirmLabel={t('customers.segments.delete')}
          onConfirm={() =>
            remove.mutateAsync(current.id, {
              onSuccess: () => {
                toastSuccess(t('customers.segments.deleted', { name: current.name }));
                onPick(null);
              },
              onError: (e) => toastError(errorMessage(t, e)),
            })
          }
        >
          {(ask) => (
            <Tooltip label={t('customers.segments.delete')}>
              <ActionIcon variant="subtle" color="red" onClick={ask} aria-label={t('customers.segments.delete')}>
                <IconTrash size={17} />
              </ActionIcon>
            </Tooltip>
          )}
        </ConfirmAction>
      )}
      <Button variant="light" leftSection={<IconDeviceFloppy size={16} />} disabled={empty} onClick={() => setSaving(true)}>
        {t('customers.segments.save')}
      </Button>
      {saving && <SaveSegmentModal filter={filter} onClose={() => setSaving(false)} onSaved={(s) => onPick(s)} />}
    </Group>
  );
}
