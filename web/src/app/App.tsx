import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiError, setUnauthorizedHandler } from '../api/client.ts';
import { WEB_MODULES } from './modules.ts';
import { NavigationContext, navigationOf } from './navigation.ts';
import { router } from './router.tsx';
import { forgetSession } from './session.tsx';
import { colorSchemeManager, makeTheme } from './theme.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers do not get better by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// A 401 anywhere means the session ended (expired, signed out elsewhere, deactivated): the guard
// sees `me` become null and sends the user to /login, remembering where they were.
setUnauthorizedHandler(() => forgetSession(queryClient));
const navigation = navigationOf(WEB_MODULES);

export function App() {
  const { t } = useTranslation();
  const theme = useMemo(() => makeTheme(t), [t]);
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      {/* Bottom-left: at the top toasts would cover the header tools (the bell itself); at the bottom right
          they covered a dialog's primary buttons, and hovering there pauses their auto-close (an e2e run
          could not press "Create" under an SLA toast for 15 s). Nothing the user must press lives bottom-left. */}
      <Notifications position="bottom-left" />
      <QueryClientProvider client={queryClient}>
        <NavigationContext.Provider value={navigation}>
          <RouterProvider router={router} />
        </NavigationContext.Provider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
