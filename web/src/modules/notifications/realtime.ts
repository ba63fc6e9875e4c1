import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { io, type Socket } from 'socket.io-client';
import { ME_KEY } from '../../app/session.tsx';
import { type AppNotification, markReadLocally, NOTIFICATIONS_KEY, prependNotification } from './notifications.api.ts';

/**
 * One socket per signed-in tab, shared by everything that listens (the bell, an open ticket…).
 * `io()` opens a new connection for every call on the same namespace, so the socket is kept here
 * and counted: the last user to let go disconnects it.
 */
let shared: Socket | null = null;
let holders = 0;

function acquireSocket(): { socket: Socket; release: () => void } {
  shared ??= io({ path: '/socket.io', withCredentials: true });
  holders += 1;
  const socket = shared;
  let released = false;
  return {
    socket,
    release: () => {
      if (released) return;
      released = true;
      holders -= 1;
      if (holders === 0 && shared === socket) {
        socket.disconnect();
        shared = null;
      }
    },
  };
}

type Handler = (payload: never) => void;

/**
 * Join a module's room on the tab's socket (e.g. `ticket:<id>`) and listen to its events until the
 * returned function is called. Rooms do not survive a reconnect, so the topic is subscribed again on
 * every connect; `onJoin(ok, rejoined)` says whether the server let us in, and `rejoined` is true
 * after a reconnect (events may have been missed meanwhile). The server has no "unsubscribe": the
 * socket stays in the room until it reconnects, so handlers must ignore events for other topics.
 */
export function subscribeTopic(
  topic: string,
  handlers: { events?: Record<string, Handler>; onJoin?: (ok: boolean, rejoined: boolean) => void; onDisconnect?: () => void } = {},
): () => void {
  const { socket, release } = acquireSocket();
  let active = true;
  let joinedBefore = false;
  const join = () =>
    socket.emit('subscribe', topic, (answer: { ok: boolean } | undefined) => {
      if (!active) return;
      const ok = answer?.ok === true;
      handlers.onJoin?.(ok, ok && joinedBefore);
      if (ok) joinedBefore = true;
    });
  const disconnected = () => handlers.onDisconnect?.();
  socket.on('connect', join);
  socket.on('disconnect', disconnected);
  const events = Object.entries(handlers.events ?? {}) as [string, (...args: unknown[]) => void][];
  for (const [event, handler] of events) socket.on(event, handler);
  if (socket.connected) join();
  return () => {
    active = false;
    socket.off('connect', join);
    socket.off('disconnect', disconnected);
    for (const [event, handler] of events) socket.off(event, handler);
    release();
  };
}

/**
 * The user's own notifications: the server authenticates the socket by the session cookie and joins
 * it to the user's room; a `notification` event lands in the bell at once and as a short toast.
 */
export function useNotificationStream() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const { socket, release } = acquireSocket();
    const onNotification = (item: AppNotification) => {
      prependNotification(queryClient, item);
      notifications.show({ title: item.title, message: item.body ?? '', autoClose: 6000 });
    };
    // Read in another tab: keep this tab's badge honest.
    const onRead = (change: { ids?: string[]; all?: boolean }) => {
      if (change.all) markReadLocally(queryClient, null);
      else for (const id of change.ids ?? []) markReadLocally(queryClient, id);
    };
    // The server ends a deactivated (or re-roled) user's sockets at once: re-check the session, which
    // answers 401 and sends this tab to the sign-in page without waiting for the next click.
    const onDisconnect = (reason: Socket.DisconnectReason) => {
      if (reason === 'io server disconnect') void queryClient.invalidateQueries({ queryKey: ME_KEY });
    };
    // After a reconnect some events may have been missed: reload the list once.
    const onReconnect = () => void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    socket.on('notification', onNotification);
    socket.on('notification.read', onRead);
    socket.on('disconnect', onDisconnect);
    socket.io.on('reconnect', onReconnect);
    return () => {
      socket.off('notification', onNotification);
      socket.off('notification.read', onRead);
      socket.off('disconnect', onDisconnect);
      socket.io.off('reconnect', onReconnect);
      release();
    };
  }, [queryClient]);
}
