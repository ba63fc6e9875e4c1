import { PASSWORD_MIN_LENGTH } from '../../PasswordForm.tsx';
import { Modal, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../api/client.ts';
import type { User } from '../../../../api/types.ts';
import { errorMessage } from '../../../../ui/errors.ts';
import { FormError } from '../../../../ui/QueryError.tsx';
import { StaleNotice } from '../../../../ui/StaleNotice.tsx';
import { toastError, toastSuccess } from '../../../../ui/toast.ts';
import { useForm } from '../../../../ui/useForm.ts';
import { UserFields, type UserFormValues } from './UserFields.tsx';
import { fetchUser, type UserInput, useSaveUser } from './users.api.ts';
import { FormActions } from '../../../../ui/FormActions.tsx';

const EMPTY: UserFormValues = {
  email: '',
  name: '',
  role: 'agent',
  password: '',
  phone: '',
  location: '',
  language: 'en',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  branchId: null,
  teamIds: [],
  customerId: '',
};

function valuesOf(user: User): UserFormValues {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    password: '',
    phone: user.phone ?? '',
    location: user.location ?? '',
    language: user.language,
    timeZone: user.timeZone,
    branchId: user.branch?.id ?? null,
    teamIds: user.teams.map((team) => team.id),
    customerId: user.customerId ?? '',
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The body to send: everything on create; on edit only what changed (so a stale form changes nothing else). */
function bodyOf(v: UserFormValues, base: User | null): Partial<UserInput> {
  const isClient = v.role === 'client';
  const full: UserInput = {
    email: v.email.trim(),
    name: v.name.trim(),
    role: v.role,
    phone: orNull(v.phone),
    location: orNull(v.location),
    language: v.language,
    timeZone: v.timeZone,
    branchId: v.branchId,
    teamIds: isClient ? [] : v.teamIds,
    customerId: isClient ? orNull(v.customerId) : null,
    ...(v.password ? { password: v.password } : {}),
  };
  if (!base) return full;
  const before: UserInput = { ...bodyOf(valuesOf(base), null), password: undefined } as UserInput;
  const changed: Partial<UserInput> = {};
  for (const key of Object.keys(full) as (keyof UserInput)[]) {
    if (JSON.stringify(full[key]) !== JSON.stringify(before[key])) (changed as Record<string, unknown>)[key] = full[key];
  }
  return changed;
}

/** Create a user, or edit one with If-Match: a 412 says someone else saved first and offers a reload. */
export function UserFormModal({ user, opened, onClose }: { user: User | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveUser();
  const [base, setBase] = useState<User | null>(user);
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const form = useForm<UserFormValues>(user ? valuesOf(user) : EMPTY);

  const reload = async () => {
    if (!base) return;
    setReloading(true);
    try {
      const fresh = await fetchUser(base.id);
      setBase(fresh);
      form.reset(valuesOf(fresh));
      setStale(false);
    } catch (error) {
      toastError(errorMessage(t, error));
    } finally {
      setReloading(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    let ok = true;
    const need = (key: 'name' | 'email', value: string) => {
      if (!value.trim()) {
        form.setFieldError(key, t('validation.required'));
        ok = false;
      }
    };
    need('name', v.name);
    need('email', v.email);
    if ((!base && v.password.length < PASSWORD_MIN_LENGTH) || (base && v.password && v.password.length < PASSWORD_MIN_LENGTH)) {
      form.setFieldError('password', t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH }));
      ok = false;
    }
    if (v.role === 'client' && !v.customerId.trim()) {
      form.setFieldError('customerId', t('validation.required'));
      ok = false;
    }
    if (!ok) return;
    const body = bodyOf(v, base);
    if (base && !Object.keys(body).length) return onClose();
    form.setFormError(null);
    save.mutate(
      { id: base?.id, version: base?.version, body },
      {
        onSuccess: (saved) => {
          toastSuccess(base ? t('users.saved', { name: saved.name }) : t('users.created', { name: saved.name }));
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412) setStale(true);
          else form.applyError(error);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={base ? t('users.editTitle', { name: base.name }) : t('users.createTitle')} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {stale && <StaleNotice message={t('users.stale')} onReload={() => void reload()} reloading={reloading} />}
          <FormError message={form.formError} />
          <UserFields form={form} editing={!!base} />
          <FormActions onCancel={onClose} busy={save.isPending} label={base ? t('common.save') : t('common.create')} disabled={stale} mt="sm" />
        </Stack>
      </form>
    </Modal>
  );
}
