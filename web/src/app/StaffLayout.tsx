import { AppShell, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { AppHeader } from './AppHeader.tsx';
import { SectionLoader } from '../ui/Loading.tsx';
import { allowed, type NavItem, useNavigation } from './navigation.ts';
import { useMe } from './session.tsx';

function NavItems({ items, onNavigate }: { items: NavItem[]; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // The most specific entry wins: /customers/pool lights "Customer pool", not also "Customers".
  const matches = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));
  const best = items.filter((i) => matches(i.to)).reduce<string | null>((a, i) => (!a || i.to.length > a.length ? i.to : a), null);
  return items.map((item) => (
    <NavLink
      key={item.to}
      component={RouterLink}
      to={item.to}
      // Exact matches only for aria-current (Mantine styles it too): `active` decides the highlight.
      end
      label={t(item.label)}
      leftSection={<item.icon size={18} stroke={1.6} />}
      active={item.to === best}
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
  const navigation = useNavigation();
  const admin = allowed(navigation.admin, me.permissions);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <AppHeader home="/" profilePath="/profile" burger={{ opened, toggle }} />
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <ScrollArea type="auto">
          <NavItems items={allowed(navigation.main, me.permissions)} onNavigate={close} />
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
