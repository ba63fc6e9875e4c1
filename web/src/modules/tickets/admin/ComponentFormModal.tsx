import { ActionIcon, Alert, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { FormError } from '../../../ui/QueryError.tsx';
import { StaleNotice } from '../../../ui/StaleNotice.tsx';
import { toastSuccess } from '../../../ui/toast.ts';
import { useForm } from '../../../ui/useForm.ts';
import { useStaffOptions } from '../../identity/org.api.ts';
import { useSaveTicketComponent } from '../tickets.api.ts';
import { DISTRIBUTIONS, type Distribution, type StaffRole, type TicketComponent } from '../tickets.types.ts';
import { FormActions } from '../../../ui/FormActions.tsx';

interface StaffRow {
  userId: string | null;
  role: StaffRole;
  available: boolean;
}

/**
 * Create or edit a component (queue): name, key, how new tickets are distributed, and its staff
 * with their role and availability.
 */
export function ComponentFormModal({ component, onClose }: { component: TicketComponent | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveTicketComponent();
  const staff = useStaffOptions();
  const [stale, setStale] = useState(false);
  const [rows, setRows] = useState<StaffRow[]>(() => (component?.staff ?? []).map((s) => ({ userId: s.id, role: s.role, available: s.available })));
  const form = useForm({
    key: component?.key ?? '',
    name: component?.name ?? '',
    description: component?.description ?? '',
    distribution: (component?.distribution ?? 'manual') as Distribution,
    active: component?.active ?? true,
    staff: '',
  });
  const v = form.values;
  const setRow = (i: number, patch: Partial<StaffRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const chosen = new Set(rows.map((r) => r.userId));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!v.name.trim()) return form.setFieldError('name', t('validation.required'));
    if (!component && !/^[a-z][a-z0-9_]{1,39}$/.test(v.key)) return form.setFieldError('key', t('tickets.admin.keyHint'));
    const members = rows.filter((r): r is StaffRow & { userId: string } => !!r.userId);
    const body: Record<string, unknown> = {
      name: v.name.trim(),
      description: v.description.trim() || null,
      ...(component ? { active: v.active } : { key: v.key }),
      distribution: v.distribution,
      staff: members.map((m) => ({ userId: m.userId, role: m.role, available: m.available })),
    };
    save.mutate(
      { id: component?.id, version: component?.version, body },
      {
        onSuccess: (saved) => (toastSuccess(t('tickets.admin.components.saved', { name: saved.name })), onClose()),
        onError: (error) => (error instanceof ApiError && error.status === 412 ? setStale(true) : form.applyError(error)),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={component ? t('tickets.admin.components.editTitle', { name: component.name }) : t('tickets.admin.components.createTitle')} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {stale && <StaleNotice message={t('tickets.admin.stale')} onReload={onClose} />}
          <FormError message={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('tickets.admin.key')} description={t('tickets.admin.keyHint')} required disabled={!!component} data-autofocus {...form.text('key')} />
            <TextInput label={t('tickets.admin.name')} required {...form.text('name')} />
          </SimpleGrid>
          <Textarea label={t('tickets.admin.description')} autosize minRows={2} {...form.text('description')} />
            <Select
              label={t('tickets.admin.components.distribution')}
              description={t(`tickets.admin.components.distributionHint.${v.distribution}`)}
              data={DISTRIBUTIONS.map((d) => ({ value: d, label: t(`tickets.admin.components.distributionMode.${d}`) }))}
              value={v.distribution}
              onChange={(d) => d && form.setValue('distribution', d as Distribution)}
              allowDeselect={false}
              error={form.errors.distribution}
            />
          {component && <Checkbox label={t('common.active')} checked={v.active} onChange={(e) => form.setValue('active', e.currentTarget.checked)} />}
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t('tickets.admin.components.staff')}
            </Text>
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setRows([...rows, { userId: null, role: 'agent', available: true }])}>
              {t('tickets.admin.components.addStaff')}
            </Button>
          </Group>
          {form.errors.staff && (
            <Alert color="red" variant="light" py={6}>
              {form.errors.staff}
            </Alert>
          )}
          {rows.map((row, i) => (
            <Group key={i} gap="xs" wrap="nowrap" align="center">
              <Select
                aria-label={t('tickets.admin.components.member')}
                placeholder={t('tickets.admin.components.member')}
                data={(staff.data ?? []).filter((s) => s.active && (s.value === row.userId || !chosen.has(s.value))).map((s) => ({ value: s.value, label: s.label }))}
                value={row.userId}
                onChange={(id) => setRow(i, { userId: id })}
                searchable
                style={{ flex: 1 }}
              />
                  <Select
                    aria-label={t('tickets.admin.components.role')}
                    data={(['agent', 'manager'] as const).map((r) => ({ value: r, label: t(`tickets.admin.components.roles.${r}`) }))}
                    value={row.role}
                    onChange={(r) => r && setRow(i, { role: r as StaffRole })}
                    allowDeselect={false}
                    w={130}
                  />
                  <Switch label={t('tickets.admin.components.available')} checked={row.available} onChange={(e) => setRow(i, { available: e.currentTarget.checked })} />
              <ActionIcon variant="subtle" color="red" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={t('tickets.admin.components.removeStaff')}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <FormActions onCancel={onClose} busy={save.isPending} label={component ? t('common.save') : t('common.create')} disabled={stale} mt="sm" />
        </Stack>
      </form>
    </Modal>
  );
}
