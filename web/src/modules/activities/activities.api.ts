import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { every, type ItemOf } from '../../api/schema.ts';

/** Shapes of the activities API: aliases of the generated API types (api/schema.gen.ts). */
export type ActivityType = Activity['type'];
export type ActivityStatus = Activity['status'];
export type ActivityPriority = Activity['priority'];
export const ACTIVITY_TYPES = every<ActivityType>({ CALL: true, EMAIL: true, MEETING: true, TASK: true, NOTE: true, SMS: true, DEMO: true });
export const ACTIVITY_STATUSES = every<ActivityStatus>({ PLANNED: true, IN_PROGRESS: true, COMPLETED: true, CANCELLED: true });
export const ACTIVITY_PRIORITIES = every<ActivityPriority>({ LOW: true, NORMAL: true, HIGH: true, URGENT: true });

export type Activity = ItemOf<'/api/v1/activities'>;

export const ACTIVITIES_KEY = ['activities'] as const;

/** Subjects the server writes itself (in English), said in the user's language instead. */
export const SYSTEM_SUBJECTS: Record<string, string> = { 'Customer created': 'customers.history.created' };

export function useMyDay() {
  return useQuery({
    queryKey: [...ACTIVITIES_KEY, 'my-day'],
    queryFn: () => api<{ date: string; timeZone: string; items: Activity[] }>('/api/v1/activities/my-day'),
  });
}

/** Pages a calendar window may take: 10 × 200 activities a month is far beyond anyone's month. */
const CALENDAR_PAGES = 10;

/** My activities starting in [from, to): every keyset page of the window, so a busy month is whole. */
export function useMyCalendar(from: string, to: string) {
  return useQuery({
    queryKey: [...ACTIVITIES_KEY, 'calendar', from, to],
    queryFn: async ({ signal }) => {
      const items: Activity[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < CALENDAR_PAGES; i++) {
        const page: Page<Activity> = await api<Page<Activity>>('/api/v1/activities', { query: { mine: 'true', from, to, limit: 200, cursor }, signal });
        items.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return items;
    },
  });
}

/** A customer's activities, newest first, keyset "load more". */
export function useCustomerActivities(idOrNumber: string) {
  return useInfiniteQuery({
    queryKey: [...ACTIVITIES_KEY, 'customer', idOrNumber],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Activity>>(`/api/v1/customers/${encodeURIComponent(idOrNumber)}/activities`, { query: { limit: 25, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One activity (GET /activities/:id): 404 when it does not exist or is not visible. */
export function useActivity(id: string) {
  return useQuery({
    queryKey: [...ACTIVITIES_KEY, 'one', id],
    queryFn: ({ signal }) => api<Activity>(`/api/v1/activities/${encodeURIComponent(id)}`, { signal }),
  });
}

/** A ticket's activities, in time order, keyset "load more". */
export function useTicketActivities(ticketId: string) {
  return useInfiniteQuery({
    queryKey: [...ACTIVITIES_KEY, 'ticket', ticketId],
    queryFn: ({ pageParam, signal }) => api<Page<Activity>>('/api/v1/activities', { query: { ticketId, limit: 25, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ACTIVITIES_KEY });
    // The customer's contact dates and timeline move with its activities.
    void queryClient.invalidateQueries({ queryKey: ['customers'] });
  };
}

export function useCreateActivity() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api<Activity>('/api/v1/activities', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useCompleteActivity() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { outcome?: string | null; nextSteps?: string | null; followUpAt?: string | null } }) =>
      api<Activity>(`/api/v1/activities/${id}/complete`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** The wall-clock parts of an instant in a time zone. */
function partsIn(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute'), s: get('second') };
}

/**
 * `<input type="datetime-local">` value ↔ ISO instant, read in the USER's time zone (their profile's),
 * not the browser's: every date on screen is shown in that zone, so what is typed must mean the same.
 */
export function toLocalInput(iso: string | Date, timeZone: string): string {
  const p = partsIn(new Date(iso), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.min)}`;
}

export function fromLocalInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // The zone's offset at that moment (twice: the first guess may sit across a DST change).
  let instant = wall;
  for (let i = 0; i < 2; i++) {
    const p = partsIn(new Date(instant), timeZone);
    const offset = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - instant;
    instant = wall - offset;
  }
  return new Date(instant).toISOString();
}
