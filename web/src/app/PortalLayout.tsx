import { AppShell, Container, Group, NavLink } from '@mantine/core';
import { IconBook2, IconInbox, IconTicket, IconUserCircle } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { AppHeader } from './AppHeader.tsx';
import { SectionLoader } from '../ui/Loading.tsx';

/** The client portal: a narrow, navigation-light layout with only what a customer's account may use. */
export function PortalLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = [
    { to: '/portal', label: t('portal.myRequests'), icon: IconInbox, active: pathname === '/portal' },
    { to: '/portal/tickets', label: t('portalTickets.nav.tickets'), icon: IconTicket, active: pathname.startsWith('/portal/tickets') },
    { to: '/portal/faq', label: t('portalFaq.nav'), icon: IconBook2, active: pathname.startsWith('/portal/faq') },
    { to: '/portal/profile', label: t('header.profile'), icon: IconUserCircle, active: pathname.startsWith('/portal/profile') },
  ];
  return (
    <AppShell header={{ height: 60 }} padding="lg">
      <AppShell.Header>
        <AppHeader home="/portal" profilePath="/portal/profile" />
      </AppShell.Header>
      <AppShell.Main>
        <Container size="md" px={0}>
          <Group gap="xs" mb="lg">
            {items.map((item) => (
              <NavLink
                key={item.to}
                component={RouterLink}
                to={item.to}
                end
                label={item.label}
                leftSection={<item.icon size={18} stroke={1.6} />}
                active={item.active}
                variant="light"
                w="auto"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            ))}
          </Group>
          <Suspense fallback={<SectionLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
