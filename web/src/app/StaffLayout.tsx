import { AppShell, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { AppHeader } from './AppHeader.tsx';
import { SectionLoader } from '../ui/Loading.tsx';
import { ADMIN_NAV, allowed, MAIN_NAV, type NavItem } from './navigation.ts';
import { useMe } from './session.tsx';

function NavItems({ items, onNavigate }: { items: NavItem[]; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return items.map((item) => (
    <NavLink
      key={item.to}
      component={RouterLink}
      to={item.to}
      end={item.to === '/'}
      label={t(item.label)}
      leftSection={<item.icon size={18} stroke={1.6} />}
      active={item.to === '/' ? pathname === '/' : pathname.startsWith(item.to)}
      onClick={onNavigate}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  ));
}

/** The staff shell: header tools on top, navigation by the role's permissions on the left. */
export function StaffLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const admin = allowed(ADMIN_NAV, me.permissions);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <AppHeader home="/" profilePath="/profile" burger={{ opened, toggle }} />
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <ScrollArea type="auto">
          <NavItems items={allowed(MAIN_NAV, me.permissions)} onNavigate={close} />
          {admin.length > 0 && (
            <>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="lg" mb={6} px="sm">
                {t('nav.administration')}
              </Text>
              <NavItems items={admin} onNavigate={close} />
            </>
          )}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<SectionLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
