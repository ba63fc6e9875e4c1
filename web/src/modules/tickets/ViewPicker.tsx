import { ActionIcon, Button, Group, Modal, SegmentedControl, Select, Stack, TextInput, Tooltip } from '@mantine/core';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../ui/confirm.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { FormError } from '../../ui/QueryError.tsx';
import { toastError, toastSuccess } from '../../ui/toast.ts';
import { useForm } from '../../ui/useForm.ts';
import { compactTicketFilter } from './tickets.filter.ts';
import { useDeleteTicketView, useSaveTicketView, useTicketViews } from './tickets.api.ts';
import { BUILTIN_VIEWS, type TicketFilter, type TicketView } from './tickets.types.ts';

function SaveViewModal({ filter, onClose, onSaved }: { filter: TicketFilter; onClose: () => void; onSaved: (v: TicketView) => void }) {
  const { t } = useTranslation();
  const save = useSaveTicketView();
  const form = useForm({ name: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.values.name.trim()) return form.setFieldError('name', t('validation.required'));
    save.mutate(
      { name: form.values.name.trim(), filter },
      {
        onSuccess: (view) => {
          toastSuccess(t('tickets.views.saved', { name: view.name }));
          onSaved(view);
          onClose();
        },
        onError: (error) => form.applyError(error),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('tickets.views.saveTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={form.formError} />
          <TextInput label={t('tickets.views.name')} required data-autofocus {...form.text('name')} />
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

/**
 * Built-in views (all, my open, unassigned, breaching SLA) as a switch; the user's saved views in a
 * picker beside it, with "save the current filters" and delete.
 */
export function ViewPicker({ view, savedId, filter, onBuiltin, onSaved }: {
  view: string | null;
  savedId: string | null;
  filter: TicketFilter;
  onBuiltin: (view: string | null) => void;
  onSaved: (view: TicketView | null) => void;
}) {
  const { t } = useTranslation();
  const views = useTicketViews();
  const remove = useDeleteTicketView();
  const [saving, setSaving] = useState(false);
  const items = views.data ?? [];
  const current = items.find((v) => v.id === savedId) ?? null;
  const empty = Object.keys(compactTicketFilter(filter)).length === 0;
  return (
    <Group gap="sm" wrap="wrap">
      <SegmentedControl
        aria-label={t('tickets.views.builtin')}
        value={view ?? 'all'}
        onChange={(v) => onBuiltin(v === 'all' ? null : v)}
        data={[{ value: 'all', label: t('tickets.views.all') }, ...BUILTIN_VIEWS.map((v) => ({ value: v, label: t(`tickets.views.${v}`) }))]}
      />
      <Group gap="xs" wrap="nowrap">
        <Select
          placeholder={t('tickets.views.savedPlaceholder')}
          aria-label={t('tickets.views.savedLabel')}
          data={items.map((v) => ({ value: v.id, label: v.name }))}
          value={savedId}
          onChange={(id) => onSaved(items.find((v) => v.id === id) ?? null)}
          clearable
          searchable
          nothingFoundMessage={t('tickets.views.none')}
          w={200}
        />
        {current && (
          <ConfirmAction
            title={t('tickets.views.delete')}
            message={t('tickets.views.deleteConfirm', { name: current.name })}
            confirmLabel={t('tickets.views.delete')}
            onConfirm={() =>
              remove.mutateAsync(current.id, {
                onSuccess: () => (toastSuccess(t('tickets.views.deleted', { name: current.name })), onSaved(null)),
                onError: (e) => toastError(errorMessage(t, e)),
              })
            }
          >
            {(ask) => (
              <Tooltip label={t('tickets.views.delete')}>
                <ActionIcon variant="subtle" color="red" onClick={ask} aria-label={t('tickets.views.delete')}>
                  <IconTrash size={17} />
                </ActionIcon>
              </Tooltip>
            )}
          </ConfirmAction>
        )}
        <Button variant="light" leftSection={<IconDeviceFloppy size={16} />} disabled={empty} onClick={() => setSaving(true)}>
          {t('tickets.views.save')}
        </Button>
      </Group>
      {saving && <SaveViewModal filter={filter} onClose={() => setSaving(false)} onSaved={(v) => onSaved(v)} />}
    </Group>
  );
}
