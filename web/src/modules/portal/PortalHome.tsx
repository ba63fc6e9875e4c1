import { Card, Stack, Text, Title } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';

/** The client's home: their requests to us. Tickets are not built yet, so the list explains itself. */
export function PortalHome() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('portal.welcome', { name: me.name })}</Title>
        <Text c="dimmed" size="sm">
          {t('portal.subtitle')}
        </Text>
      </div>
      <Card withBorder radius="lg" padding="xl">
        <Title order={4} mb="xs">
          {t('portal.myRequests')}
        </Title>
        <EmptyState icon={IconMessages} title={t('portal.emptyTitle')} description={t('portal.emptyHint')} />
      </Card>
    </Stack>
  );
}
