import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/QueryError.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { useForm } from '../../ui/useForm.ts';
import { useChangePassword } from './identity.api.ts';

export const PASSWORD_MIN_LENGTH = 8;

/** Changing the password ends every other session of the user (the server does that). */
export function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm({ currentPassword: '', newPassword: '', confirm: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    let ok = true;
    if (!v.currentPassword) {
      form.setFieldError('currentPassword', t('validation.required'));
      ok = false;
    }
    if (v.newPassword.length < PASSWORD_MIN_LENGTH) {
      form.setFieldError('newPassword', t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH }));
      ok = false;
    } else if (v.newPassword !== v.confirm) {
      form.setFieldError('confirm', t('validation.passwordMismatch'));
      ok = false;
    }
    if (!ok) return;
    form.setFormError(null);
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          form.reset();
          toastSuccess(t('profile.passwordChanged'));
        },
        onError: (error) => form.applyError(error),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={form.formError} />
        <Stack gap="sm" maw={440}>
          <PasswordInput label={t('profile.currentPassword')} autoComplete="current-password" {...form.text('currentPassword')} />
          <PasswordInput
            label={t('profile.newPassword')}
            autoComplete="new-password"
            description={t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH })}
            {...form.text('newPassword')}
          />
          <PasswordInput label={t('profile.confirmPassword')} autoComplete="new-password" {...form.text('confirm')} />
        </Stack>
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('profile.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
