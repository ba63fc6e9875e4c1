import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import type { CustomerDetail, CustomerFilter, CustomerSort, CustomFieldDefinition, Overview, Segment, TimelineItem } from './customers.types.ts';

export const CUSTOMERS_KEY = ['customers'] as const;
export const PAGE_SIZE = 25;

/** A filter as query parameters: lists as "A,B", custom field values as their JSON text. */
export function filterQuery(f: CustomerFilter): Record<string, string | undefined> {
  const list = (v?: string[]) => (v?.length ? v.join(',') : undefined);
  const custom = f.custom && Object.keys(f.custom).length ? JSON.stringify(f.custom) : undefined;
  return {
    q: f.q || undefined,
    status: list(f.status),
    type: f.type,
    level: list(f.level),
    priority: list(f.priority),
    ownerId: f.ownerId,
    teamId: f.teamId,
    tags: list(f.tags),
    custom,
  };
}

/** Only the keys that say something: what a segment stores. */
export function compactFilter(f: CustomerFilter): CustomerFilter {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && !v.length) continue;
    if (typeof v === 'object' && !Array.isArray(v) && !Object.keys(v).length) continue;
    out[k] = v;
  }
  return out as CustomerFilter;
}

export function useCustomerList(filter: CustomerFilter, sort: CustomerSort, order: 'asc' | 'desc', segment?: string) {
  return useKeysetList<CustomerDetail>([...CUSTOMERS_KEY, 'list'], '/api/v1/customers', {
    ...filterQuery(filter),
    segment,
    sort,
    order,
    limit: PAGE_SIZE,
  });
}

/** Header type-ahead: the customers list search (scoped by the server like every read). */
export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'search', q],
    queryFn: ({ signal }) => api<Page<CustomerDetail>>('/api/v1/customers', { query: { q, limit: 8 }, signal }),
    enabled: q.length >= 2,
    staleTime: 30_000,
  });
}

export function useOverview(idOrNumber: string) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'overview', idOrNumber],
    queryFn: ({ signal }) => api<Overview>(`/api/v1/customers/${encodeURIComponent(idOrNumber)}/overview`, { query: { timelineLimit: 20 }, signal }),
  });
}

/** A further page of the merged timeline after the overview's first one. */
export function fetchTimeline(idOrNumber: string, cursor: string) {
  return api<Page<TimelineItem>>(`/api/v1/customers/${encodeURIComponent(idOrNumber)}/timeline`, { query: { cursor, limit: 20 } });
}

export function fetchCustomer(idOrNumber: string) {
  return api<CustomerDetail>(`/api/v1/customers/${encodeURIComponent(idOrNumber)}`);
}

export function useSaveCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: Record<string, unknown> }) =>
      id
        ? api<CustomerDetail>(`/api/v1/customers/${id}`, { method: 'PATCH', body, version })
        : api<CustomerDetail>('/api/v1/customers', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY }),
  });
}

/** CUS-4 convert a lead (or prospect): the server checks it is reachable and owned (If-Match). */
export function useConvertCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api<CustomerDetail>(`/api/v1/customers/${id}/convert`, { method: 'POST', version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY }),
  });
}

export function useAssignCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { ownerId?: string | null; teamId?: string | null } }) =>
      api<CustomerDetail>(`/api/v1/customers/${id}/assign`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY }),
  });
}

export interface AddressChange {
  id?: string;
  remove?: boolean;
  body: Record<string, unknown>;
}

/** Addresses are their own resource on edit: add, change and remove one request each. */
export async function saveAddresses(customerId: string, changes: AddressChange[]) {
  const base = `/api/v1/customers/${customerId}/addresses`;
  for (const c of changes.filter((x) => x.remove && x.id)) await api(`${base}/${c.id}`, { method: 'DELETE' });
  for (const c of changes.filter((x) => !x.remove)) {
    if (c.id) await api(`${base}/${c.id}`, { method: 'PATCH', body: c.body });
    else await api(base, { method: 'POST', body: c.body });
  }
}

export function useSegments() {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'segments'],
    queryFn: () => api<{ items: Segment[] }>('/api/v1/customer-segments'),
    select: (d) => d.items,
  });
}

export function useSaveSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; filter: CustomerFilter; shared: boolean }) => api<Segment>('/api/v1/customer-segments', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...CUSTOMERS_KEY, 'segments'] }),
  });
}

export function useDeleteSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/v1/customer-segments/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...CUSTOMERS_KEY, 'segments'] }),
  });
}

export const CUSTOM_FIELDS_KEY = ['custom-fields'] as const;

export function useCustomFields(entity: 'customer' | 'ticket' | 'opportunity' = 'customer') {
  return useQuery({
    queryKey: [...CUSTOM_FIELDS_KEY, entity],
    queryFn: () => api<{ items: CustomFieldDefinition[] }>('/api/v1/custom-fields', { query: { entity } }),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}

/** The label in the user's language, else the default one. */
export function fieldLabel(def: CustomFieldDefinition, language: string) {
  return def.labels[language] ?? def.label;
}
