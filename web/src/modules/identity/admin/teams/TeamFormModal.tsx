import { Modal, MultiSelect, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../api/client.ts';
import { TEAM_KINDS, type Team, type TeamKind } from '../../../../api/types.ts';
import { FormError } from '../../../../ui/QueryError.tsx';
import { StaleNotice } from '../../../../ui/StaleNotice.tsx';
import { toastSuccess } from '../../../../ui/toast.ts';
import { useForm } from '../../../../ui/useForm.ts';
import { changedFields } from '../../../../ui/changes.ts';
import { type TeamInput, useBranches, useSaveTeam, useStaffOptions } from '../../org.api.ts';
import { FormActions } from '../../../../ui/FormActions.tsx';

function valuesOf(team: Team | null): TeamInput {
  return {
    name: team?.name ?? '',
    kind: team?.kind ?? 'SUPPORT',
    branchId: team?.branchId ?? null,
    managerId: team?.manager?.id ?? null,
    memberIds: team?.members.map((m) => m.id) ?? [],
    active: team?.active ?? true,
  };
}

/** Create or edit a team with its manager and members (IAM-4); edits carry If-Match. */
export function TeamFormModal({ team, onClose, onReload }: { team: Team | null; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const save = useSaveTeam();
  const branches = useBranches();
  const staff = useStaffOptions();
  const form = useForm<TeamInput>(valuesOf(team));
  const stale = save.error instanceof ApiError && save.error.status === 412;
  const people = staff.data ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.values.name.trim()) return form.setFieldError('name', t('validation.required'));
    const next: TeamInput = { ...form.values, name: form.values.name.trim() };
    const body = team ? changedFields(next, valuesOf(team)) : next;
    if (team && !Object.keys(body).length) return onClose();
    form.setFormError(null);
    save.mutate(
      { id: team?.id, version: team?.version, body },
      {
        onSuccess: (saved) => {
          toastSuccess(t('teams.saved', { name: saved.name }));
          onClose();
        },
        onError: (error) => {
          if (!(error instanceof ApiError && error.status === 412)) form.applyError(error);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={team ? t('teams.editTitle', { name: team.name }) : t('teams.createTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {stale && <StaleNotice message={t('teams.stale')} onReload={onReload} />}
          <FormError message={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('fields.name')} required data-autofocus {...form.text('name')} />
            <Select
              label={t('teams.kind')}
              allowDeselect={false}
              data={TEAM_KINDS.map((k) => ({ value: k, label: t(`teamKinds.${k}`) }))}
              value={form.values.kind}
              onChange={(v) => v && form.setValue('kind', v as TeamKind)}
              error={form.errors.kind}
            />
            <Select
              label={t('fields.branch')}
              clearable
              placeholder={t('common.none')}
              data={(branches.data ?? []).map((b) => ({ value: b.id, label: `${b.name} (${b.code})` }))}
              {...form.field('branchId')}
            />
            <Select
              label={t('teams.manager')}
              clearable
              searchable
              placeholder={t('common.none')}
              data={people}
              nothingFoundMessage={t('common.nothingFound')}
              {...form.field('managerId')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('teams.members')}
            searchable
            clearable
            data={people}
            nothingFoundMessage={t('common.nothingFound')}
            placeholder={form.values.memberIds.length ? undefined : t('teams.pickMembers')}
            {...form.field('memberIds')}
          />
          <Switch label={t('common.active')} checked={form.values.active} onChange={(e) => form.setValue('active', e.currentTarget.checked)} />
          <FormActions onCancel={onClose} busy={save.isPending} disabled={stale} />
        </Stack>
      </form>
    </Modal>
  );
}
