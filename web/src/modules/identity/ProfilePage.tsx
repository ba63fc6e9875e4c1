import { Card, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useMe } from '../../app/session.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ApiTokens } from './ApiTokens.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { ProfileForm } from './ProfileForm.tsx';

function Section({ id, title, description, children }: { id?: string; title: string; description: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" id={id}>
      <Title order={4}>{title}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {description}
      </Text>
      {children}
    </Card>
  );
}

/** My profile, my password and my API tokens (clients get the same page inside the portal). */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { hash } = useLocation();
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [hash]);
  return (
    <Stack gap="lg" maw={960}>
      <PageHeader title={t('profile.title')} description={t('profile.subtitle')} />
      <Section title={t('profile.details')} description={t('profile.detailsHint')}>
        <ProfileForm key={`${me.id}:${me.language}:${me.colorScheme}`} me={me} />
      </Section>
      <Section title={t('profile.password')} description={t('profile.passwordHint')}>
        <PasswordForm />
      </Section>
      <Section id="tokens" title={t('tokens.title')} description={t('tokens.hint')}>
        <ApiTokens />
      </Section>
    </Stack>
  );
}
