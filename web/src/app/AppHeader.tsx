import { Burger, Group, Text, ThemeIcon } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GlobalSearch } from '../modules/search/GlobalSearch.tsx';
import { NotificationBell } from '../modules/notifications/NotificationBell.tsx';
import { ColorSchemeMenu } from './ColorSchemeMenu.tsx';
import { LanguageMenu } from './LanguageMenu.tsx';
import { UserMenu } from './UserMenu.tsx';

export function Brand({ to, compact = false }: { to: string; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} renderRoot={(props) => <Link to={to} aria-label={t('app.name')} {...props} />} style={{ textDecoration: 'none', color: 'inherit' }} wrap="nowrap">
      <ThemeIcon size={30} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan', deg: 135 }}>
        <IconArrowsExchange size={18} />
      </ThemeIcon>
      {/* compact: on a phone the header's tools need the room; the logo still leads home. */}
      <Text fw={700} size="lg" visibleFrom={compact ? 'xs' : undefined}>
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
        <Brand to={home} compact />
      </Group>
      <Group gap={2} wrap="nowrap">
        {/* Renders only for staff who read customers (never in the portal). */}
        <GlobalSearch />
        <NotificationBell />
        <LanguageMenu />
        <ColorSchemeMenu />
        <UserMenu profilePath={profilePath} />
      </Group>
    </Group>
  );
}
