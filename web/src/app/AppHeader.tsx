import { Burger, Group, Text, ThemeIcon } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationBell } from '../modules/notifications/NotificationBell.tsx';
import { ColorSchemeMenu } from './ColorSchemeMenu.tsx';
import { LanguageMenu } from './LanguageMenu.tsx';
import { UserMenu } from './UserMenu.tsx';

export function Brand({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} renderRoot={(props) => <Link to={to} {...props} />} style={{ textDecoration: 'none', color: 'inherit' }} wrap="nowrap">
      <ThemeIcon size={30} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan', deg: 135 }}>
        <IconArrowsExchange size={18} />
      </ThemeIcon>
      <Text fw={700} size="lg">
        {t('app.name')}
      </Text>
    </Group>
  );
}

export function AppHeader({ home, profilePath, burger }: {
  home: string;
  profilePath: string;
  burger?: { opened: boolean; toggle: () => void };
}) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        {burger && <Burger opened={burger.opened} onClick={burger.toggle} hiddenFrom="sm" size="sm" aria-label={t('header.menu')} />}
        <Brand to={home} />
      </Group>
      <Group gap={2} wrap="nowrap">
        <NotificationBell />
        <LanguageMenu />
        <ColorSchemeMenu />
        <UserMenu profilePath={profilePath} />
      </Group>
    </Group>
  );
}
