import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { io } from 'socket.io-client';
import { ME_KEY } from '../../app/session.tsx';
import { type AppNotification, markReadLocally, NOTIFICATIONS_KEY, prependNotification } from './notifications.api.ts';

/**
 * One socket per signed-in tab. The server authenticates it by the session cookie and joins it to
 * the user's own room; a `notification` event lands in the bell at once and as a short toast.
 */
export function useNotificationStream() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = io({ path: '/socket.io', withCredentials: true });
    socket.on('notification', (item: AppNotification) => {
      prependNotification(queryClient, item);
      notifications.show({ title: item.title, message: item.body ?? '', autoClose: 6000 });
    });
    // Read in another tab: keep this tab's badge honest.
    socket.on('notification.read', (change: { ids?: string[]; all?: boolean }) => {
      if (change.all) markReadLocally(queryClient, null);
      else for (const id of change.ids ?? []) markReadLocally(queryClient, id);
    });
    // The server ends a deactivated (or re-roled) user's sockets at once: re-check the session, which
    // answers 401 and sends this tab to the sign-in page without waiting for the next click.
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') void queryClient.invalidateQueries({ queryKey: ME_KEY });
    });
    // After a reconnect some events may have been missed: reload the list once.
    socket.io.on('reconnect', () => void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }));
    return () => {
      socket.disconnect();
    };
  }, [queryClient]);
}
