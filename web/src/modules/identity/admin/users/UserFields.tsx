import { PASSWORD_MIN_LENGTH } from '../../PasswordForm.tsx';
import { MultiSelect, PasswordInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, ROLES, type Language, type Role } from '../../../../api/types.ts';
import { LANGUAGE_NAMES } from '../../../../app/i18n.ts';
import { timeZones } from '../../../../ui/format.ts';
import type { useForm } from '../../../../ui/useForm.ts';
import { useBranches, useTeams } from '../../org.api.ts';

export interface UserFormValues {
  email: string;
  name: string;
  role: Role;
  password: string;
  phone: string;
  location: string;
  language: Language;
  timeZone: string;
  branchId: string | null;
  teamIds: string[];
  customerId: string;
}

type Form = ReturnType<typeof useForm<UserFormValues>>;

/** The inputs of the create and edit dialogs; teams for staff, a customer for client accounts. */
export function UserFields({ form, editing }: { form: Form; editing: boolean }) {
  const { t } = useTranslation();
  const branches = useBranches();
  const teams = useTeams();
  const zones = useMemo(() => timeZones(form.values.timeZone), [form.values.timeZone]);
  const isClient = form.values.role === 'client';
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput label={t('fields.name')} required data-autofocus {...form.text('name')} />
      <TextInput label={t('fields.email')} type="email" required {...form.text('email')} />
      <Select
        label={t('fields.role')}
        required
        allowDeselect={false}
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={form.values.role}
        onChange={(v) => v && form.setValue('role', v as Role)}
        error={form.errors.role}
      />
      <PasswordInput
        label={t('fields.password')}
        required={!editing}
        autoComplete="new-password"
        description={editing ? t('users.passwordKeep') : t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH })}
        {...form.text('password')}
      />
      <TextInput label={t('fields.phone')} type="tel" {...form.text('phone')} />
      <TextInput label={t('fields.location')} {...form.text('location')} />
      <Select
        label={t('fields.language')}
        allowDeselect={false}
        data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        value={form.values.language}
        onChange={(v) => v && form.setValue('language', v as Language)}
        error={form.errors.language}
      />
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
      <Select
        label={t('fields.branch')}
        clearable
        placeholder={t('common.none')}
        data={(branches.data ?? []).map((b) => ({ value: b.id, label: `${b.name} (${b.code})` }))}
        {...form.field('branchId')}
      />
      {isClient ? (
        <TextInput
          label={t('users.customerId')}
          required
          description={t('users.customerIdHint')}
          placeholder="00000000-0000-0000-0000-000000000000"
          {...form.text('customerId')}
        />
      ) : (
        <MultiSelect
          label={t('fields.teams')}
          searchable
          clearable
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          nothingFoundMessage={t('common.nothingFound')}
          {...form.field('teamIds')}
        />
      )}
    </SimpleGrid>
  );
}
