import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ItemOf, ResponseOf } from '../../api/schema.ts';

export type AppNotification = ItemOf<'/api/v1/notifications'>;

export type NotificationList = ResponseOf<'/api/v1/notifications', 'get'>;

export const NOTIFICATIONS_KEY = ['notifications'] as const;

export function useNotifications() {
  return useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: () => api<NotificationList>('/api/v1/notifications', { query: { limit: 20 } }),
    staleTime: 60_000,
  });
}

/** A notification pushed over the socket: newest first, badge +1, no refetch needed. */
export function prependNotification(queryClient: QueryClient, item: AppNotification) {
  queryClient.setQueryData<NotificationList>(NOTIFICATIONS_KEY, (list) => {
    if (!list) return { items: [item], nextCursor: null, unreadCount: item.readAt ? 0 : 1 };
    if (list.items.some((n) => n.id === item.id)) return list;
    return { ...list, items: [item, ...list.items], unreadCount: list.unreadCount + (item.readAt ? 0 : 1) };
  });
}

function markInList(list: NotificationList | undefined, id: string | null): NotificationList | undefined {
  if (!list) return list;
  const now = new Date().toISOString();
  let newlyRead = 0;
  const items = list.items.map((n) => {
    if (n.readAt || (id !== null && n.id !== id)) return n;
    newlyRead += 1;
    return { ...n, readAt: now };
  });
  return { ...list, items, unreadCount: id === null ? 0 : Math.max(0, list.unreadCount - newlyRead) };
}

/** Marks one (or, with null, every) notification read in the cached list and lowers the badge. */
export function markReadLocally(queryClient: QueryClient, id: string | null) {
  queryClient.setQueryData<NotificationList>(NOTIFICATIONS_KEY, (list) => markInList(list, id));
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: (_r, id) => markReadLocally(queryClient, id),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/v1/notifications/read-all', { method: 'POST' }),
    onSuccess: () => markReadLocally(queryClient, null),
  });
}
