import { Button, Center, Stack, Text, useMantineColorScheme } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '../api/types.ts';
import { useNotificationStream } from '../modules/notifications/realtime.ts';
import { FullPageLoader } from '../ui/Loading.tsx';
import { applyLanguage } from './i18n.ts';
import { PortalLayout } from './PortalLayout.tsx';
import { MeProvider, useMeQuery } from './session.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { toMantineScheme } from './theme.ts';

/** The user's saved language and color scheme follow them to every device they sign in on. */
function Preferences({ me }: { me: Me }) {
  const { setColorScheme } = useMantineColorScheme();
  useEffect(() => applyLanguage(me.language), [me.language]);
  useEffect(() => setColorScheme(toMantineScheme(me.colorScheme)), [me.colorScheme, setColorScheme]);
  useNotificationStream();
  return null;
}

/**
 * Staff and clients live in separate layouts: no session → /login (coming back here after),
 * a client in the staff area → the portal, staff in the portal → the staff home.
 */
export function RequireSession({ area }: { area: 'staff' | 'portal' }) {
  const { t } = useTranslation();
  const { data: me, isPending, isError, refetch } = useMeQuery();
  const location = useLocation();

  if (isPending) return <FullPageLoader />;
  if (isError) {
    return (
      <Center h="100vh">
        <Stack align="center">
          <Text>{t('errors.network_error')}</Text>
          <Button onClick={() => void refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (area === 'staff' && me.role === 'client') return <Navigate to="/portal" replace />;
  if (area === 'portal' && me.role !== 'client') return <Navigate to="/" replace />;
  return (
    <MeProvider value={me}>
      <Preferences me={me} />
      {area === 'staff' ? <StaffLayout /> : <PortalLayout />}
    </MeProvider>
  );
}
