import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, uploadFile } from '../../api/client.ts';
import type { BodyOf } from '../../api/schema.ts';
import type { Page } from '../../api/types.ts';
import { useOptionalMe } from '../../app/session.tsx';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { filterQuery, filterToView } from './tickets.filter.ts';
import type { HistoryEntry, SlaPolicy, Ticket, TicketComponent, TicketDetail, TicketFilter, TicketMessage, TicketStatus, TicketType, TicketView } from './tickets.types.ts';

/** Every ticket query starts with this key, so one invalidation refreshes the workspace. */
export const TICKETS_KEY = ['tickets'] as const;
export const ticketKey = (idOrNumber: string) => [...TICKETS_KEY, 'ticket', idOrNumber.toUpperCase()] as const;
const path = (idOrNumber: string) => `/api/v1/tickets/${encodeURIComponent(idOrNumber)}`;
export const PAGE_SIZE = 25;

export function useTicketList(filter: TicketFilter, view: string | null) {
  const timeZone = useOptionalMe()?.timeZone;
  return useKeysetList<Ticket>([...TICKETS_KEY, 'list'], '/api/v1/tickets', { ...filterQuery(filter, timeZone), view: view ?? undefined, limit: PAGE_SIZE });
}

export function useTicket(idOrNumber: string) {
  return useQuery({
    queryKey: ticketKey(idOrNumber),
    queryFn: ({ signal }) => api<TicketDetail>(path(idOrNumber), { signal }),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** The conversation, oldest first; "load more" fetches the later pages. */
export function useMessages(idOrNumber: string, pageSize = 50) {
  const list = useInfiniteQuery({
    queryKey: [...ticketKey(idOrNumber), 'messages'],
    queryFn: ({ pageParam, signal }) => api<Page<TicketMessage>>(`${path(idOrNumber)}/messages`, { query: { limit: pageSize, cursor: pageParam ?? undefined }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  return { ...list, items: list.data?.pages.flatMap((p) => p.items) ?? [] };
}

export function useHistory(idOrNumber: string) {
  return useKeysetList<HistoryEntry>([...ticketKey(idOrNumber), 'history'], `${path(idOrNumber)}/history`, { limit: 30 });
}

export function useTicketTypes() {
  return useQuery({ queryKey: [...TICKETS_KEY, 'types'], queryFn: () => api<{ items: TicketType[] }>('/api/v1/ticket-types'), select: (d) => d.items, staleTime: 5 * 60_000 });
}

export function useTicketComponents() {
  return useQuery({ queryKey: [...TICKETS_KEY, 'components'], queryFn: () => api<{ items: TicketComponent[] }>('/api/v1/ticket-components'), select: (d) => d.items, staleTime: 60_000 });
}

/** The type's name in the user's language, else its default name. */
export function typeName(type: Pick<TicketType, 'name'> & { labels?: Record<string, string> }, language: string) {
  return type.labels?.[language] ?? type.name;
}

// ── list views ───────────────────────────────────────────────────────────────────────────────
const VIEWS_KEY = [...TICKETS_KEY, 'views'] as const;

export function useTicketViews() {
  return useQuery({ queryKey: VIEWS_KEY, queryFn: () => api<{ items: TicketView[] }>('/api/v1/ticket-views'), select: (d) => d.items });
}

export function useSaveTicketView() {
  const queryClient = useQueryClient();
  const timeZone = useOptionalMe()?.timeZone;
  return useMutation({
    mutationFn: ({ name, filter }: { name: string; filter: TicketFilter }) => api<TicketView>('/api/v1/ticket-views', { method: 'POST', body: { name, filter: filterToView(filter, timeZone) } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VIEWS_KEY }),
  });
}

export function useDeleteTicketView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/v1/ticket-views/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VIEWS_KEY }),
  });
}

// ── writes ───────────────────────────────────────────────────────────────────────────────────
/** A write answered with the fresh ticket: put it in the cache at once and refresh what derives from it. */
function useTicketWrite<V>(fn: (vars: V) => Promise<TicketDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (ticket) => {
      queryClient.setQueryData(ticketKey(ticket.number), ticket);
      queryClient.setQueryData(ticketKey(ticket.id), ticket);
      void queryClient.invalidateQueries({ queryKey: [...ticketKey(ticket.number), 'history'] });
      void queryClient.invalidateQueries({ queryKey: [...TICKETS_KEY, 'list'] });
    },
  });
}

/** The body of POST /tickets, and of PATCH /tickets/:idOrNumber (only the fields that change). */
export type TicketInput = BodyOf<'/api/v1/tickets', 'post'>;
export type TicketChanges = BodyOf<'/api/v1/tickets/{idOrNumber}', 'patch'>;

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TicketInput) => api<TicketDetail>('/api/v1/tickets', { method: 'POST', body }),
    onSuccess: (ticket) => {
      // The page it lands on shows the new ticket at once.
      queryClient.setQueryData(ticketKey(ticket.number), ticket);
      void queryClient.invalidateQueries({ queryKey: [...TICKETS_KEY, 'list'] });
    },
  });
}

interface Versioned {
  ticket: Pick<TicketDetail, 'id' | 'version'>;
}

export const useUpdateTicket = () =>
  useTicketWrite(({ ticket, body }: Versioned & { body: TicketChanges }) => api<TicketDetail>(path(ticket.id), { method: 'PATCH', body, version: ticket.version }));

export const useChangeStatus = () =>
  useTicketWrite(({ ticket, status }: Versioned & { status: TicketStatus }) =>
    api<TicketDetail>(`${path(ticket.id)}/status`, { method: 'POST', body: { status }, version: ticket.version }),
  );

export const useAssignTicket = () =>
  useTicketWrite(({ ticket, body }: Versioned & { body: { processorId?: string | null; componentId?: string | null } }) =>
    api<TicketDetail>(`${path(ticket.id)}/assign`, { method: 'POST', body, version: ticket.version }),
  );

export const useEscalateTicket = () =>
  useTicketWrite(({ ticket, reason }: Versioned & { reason: string }) => api<TicketDetail>(`${path(ticket.id)}/escalate`, { method: 'POST', body: { reason }, version: ticket.version }));

/** TKT-1 related tickets: no If-Match (a link is not an edit of the ticket's fields); both answer with the ticket. */
export const useLinkTicket = () =>
  useTicketWrite(({ ticket, other }: { ticket: Pick<TicketDetail, 'id'>; other: string }) => api<TicketDetail>(`${path(ticket.id)}/related`, { method: 'POST', body: { ticket: other } }));

export const useUnlinkTicket = () =>
  useTicketWrite(({ ticket, other }: { ticket: Pick<TicketDetail, 'id'>; other: string }) =>
    api<TicketDetail>(`${path(ticket.id)}/related/${encodeURIComponent(other)}`, { method: 'DELETE' }),
  );

/** TKT-12 (clients): the portal rates a resolved or closed ticket. */
export const useRateTicket = () =>
  useTicketWrite(({ ticket, rating, comment }: Versioned & { rating: number; comment?: string }) =>
    api<TicketDetail>(`${path(ticket.id)}/satisfaction`, { method: 'POST', body: { rating, ...(comment ? { comment } : {}) } }),
  );

function useConversationWrite<V>(idOrNumber: string, fn: (vars: V) => Promise<TicketMessage>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // A message moves the ticket (status, first response, last activity): refresh all of it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKey(idOrNumber) }),
  });
}

export function usePostMessage(idOrNumber: string) {
  return useConversationWrite(idOrNumber, ({ body, internal }: { body: string; internal: boolean }) =>
    api<TicketMessage>(`${path(idOrNumber)}/messages`, { method: 'POST', body: { body, internal } }),
  );
}

/**
 * One file as a message. A plain function as well as a hook: the portal attaches a file to a ticket
 * it has only just created.
 */
export function uploadTicketFile(idOrNumber: string, file: File, { internal = false, csrfToken }: { internal?: boolean; csrfToken: string | null }): Promise<TicketMessage> {
  return uploadFile<TicketMessage>(`${path(idOrNumber)}/attachments`, file, { query: { internal: internal || undefined }, csrfToken });
}

export function useUploadAttachment(idOrNumber: string) {
  const csrfToken = useOptionalMe()?.csrfToken ?? '';
  return useConversationWrite(idOrNumber, ({ file, internal }: { file: File; internal: boolean }) => uploadTicketFile(idOrNumber, file, { internal, csrfToken }));
}

// ── SLA policies (contract item 3) ───────────────────────────────────────────────────────────
const SLA_KEY = [...TICKETS_KEY, 'sla-policies'] as const;

export function useSlaPolicies(enabled = true) {
  return useQuery({
    queryKey: SLA_KEY,
    queryFn: () => api<{ items: SlaPolicy[] }>('/api/v1/ticket-sla-policies'),
    select: (d) => d.items,
    enabled,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export function useSaveSlaPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ priority, version, body }: { priority: number; version: number; body: Omit<SlaPolicy, 'priority' | 'version'> }) =>
      api<SlaPolicy>(`/api/v1/ticket-sla-policies/${priority}`, { method: 'PUT', body, version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SLA_KEY }),
  });
}

// ── types and components (admin) ─────────────────────────────────────────────────────────────
export function useSaveTicketType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: Record<string, unknown> }) =>
      id ? api<TicketType>(`/api/v1/ticket-types/${id}`, { method: 'PATCH', body, version }) : api<TicketType>('/api/v1/ticket-types', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...TICKETS_KEY, 'types'] }),
  });
}

export function useSaveTicketComponent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: Record<string, unknown> }) =>
      id
        ? api<TicketComponent>(`/api/v1/ticket-components/${id}`, { method: 'PATCH', body, version })
        : api<TicketComponent>('/api/v1/ticket-components', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...TICKETS_KEY, 'components'] }),
  });
}

/** Contract item 4: the caller marks themselves available (or away) in one of their components. */
export function useSetAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ componentId, available }: { componentId: string; available: boolean }) =>
      api<unknown>(`/api/v1/ticket-components/${componentId}/availability`, { method: 'POST', body: { available } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...TICKETS_KEY, 'components'] }),
  });
}
