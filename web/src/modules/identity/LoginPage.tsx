import { Box, Button, Divider, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAt, IconLock } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../api/types.ts';
import { Brand } from '../../app/AppHeader.tsx';
import { ColorSchemeMenu } from '../../app/ColorSchemeMenu.tsx';
import { applyLanguage } from '../../app/i18n.ts';
import { LanguageMenu } from '../../app/LanguageMenu.tsx';
import { useMeQuery } from '../../app/session.tsx';
import { FullPageLoader } from '../../ui/Loading.tsx';
import { FormError } from '../../ui/QueryError.tsx';
import { useForm } from '../../ui/useForm.ts';
import { DemoAccounts } from './DemoAccounts.tsx';
import { useDemoAccounts, useLogin } from './identity.api.ts';
import classes from './LoginPage.module.css';

/** Where to go after sign-in: the page that sent us here (same-origin paths only), else the role's home. */
function destination(me: Me, next: string | null): string {
  const home = me.role === 'client' ? '/portal' : '/';
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return home;
  return next;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useMeQuery();
  const demo = useDemoAccounts();
  const login = useLogin();
  const form = useForm({ email: '', password: '' });

  if (session.isPending) return <FullPageLoader />;
  if (session.data && !login.isSuccess) return <Navigate to={destination(session.data, params.get('next'))} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let ok = true;
    if (!form.values.email.trim()) {
      form.setFieldError('email', t('validation.required'));
      ok = false;
    }
    if (!form.values.password) {
      form.setFieldError('password', t('validation.required'));
      ok = false;
    }
    if (!ok) return;
    form.setFormError(null);
    login.mutate(form.values, {
      onSuccess: (me) => {
        applyLanguage(me.language);
        void navigate(destination(me, params.get('next')), { replace: true });
      },
      onError: (error) => form.applyError(error),
    });
  };

  return (
    <Box className={classes.page}>
      <Group justify="space-between" p="md" className={classes.top}>
        <Brand to="/login" />
        <Group gap={4}>
          <LanguageMenu />
          <ColorSchemeMenu />
        </Group>
      </Group>
      <Stack align="center" justify="center" className={classes.center} px="md" pb="xl">
        <Paper withBorder shadow="sm" radius="lg" p="xl" w="100%" maw={demo.data ? 560 : 420}>
          <Title order={2} mb={4}>
            {t('login.title')}
          </Title>
          <Text c="dimmed" size="sm" mb="lg">
            {t('login.subtitle')}
          </Text>
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <FormError message={form.formError} />
              <TextInput
                label={t('fields.email')}
                type="email"
                autoComplete="username"
                leftSection={<IconAt size={16} />}
                autoFocus
                {...form.text('email')}
              />
              <PasswordInput
                label={t('fields.password')}
                autoComplete="current-password"
                leftSection={<IconLock size={16} />}
                {...form.text('password')}
              />
              <Button type="submit" fullWidth mt="xs" loading={login.isPending}>
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
          {demo.data && (
            <>
              <Divider my="lg" label={t('login.demoDivider')} labelPosition="center" />
              <DemoAccounts
                demo={demo.data}
                onPick={(email, password) => {
                  form.reset({ email, password });
                }}
              />
            </>
          )}
        </Paper>
      </Stack>
    </Box>
  );
}
