import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api, ApiError } from '../../api/client.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import type { ItemOf, QueryOf, ResponseOf } from '../../api/schema.ts';
import { errorMessage } from '../../ui/errors.ts';

export type PoolReason = PoolItem['reason'];
type PoolHistory = ResponseOf<'/api/v1/pool/customers/{idOrNumber}/history', 'get'>;

export type PoolItem = ItemOf<'/api/v1/pool'>;

export type PoolHistoryEntry = PoolHistory['items'][number];

export type PoolSettings = ResponseOf<'/api/v1/pool/settings', 'get'>;

export type PoolFilters = Pick<QueryOf<'/api/v1/pool', 'get'>, 'q' | 'reason' | 'level'>;

export const POOL_KEY = ['pool'] as const;

export function usePoolList(filters: PoolFilters) {
  return useKeysetList<PoolItem>([...POOL_KEY, 'list'], '/api/v1/pool', { ...filters, limit: 50 });
}

export function usePoolSettings() {
  return useQuery({ queryKey: [...POOL_KEY, 'settings'], queryFn: () => api<PoolSettings>('/api/v1/pool/settings') });
}

export function usePoolHistory(idOrNumber: string | null) {
  return useQuery({
    queryKey: [...POOL_KEY, 'history', idOrNumber],
    queryFn: () => api<PoolHistory>(`/api/v1/pool/customers/${idOrNumber}/history`),
    enabled: Boolean(idOrNumber),
  });
}

type Move = { customer: string; action: 'claim' } | { customer: string; action: 'assign'; ownerId: string } | { customer: string; action: 'recycle'; reason: string };

/** Claim, assign or recycle; every pool list (and customer lists) refresh afterwards. */
export function usePoolMove() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (m: Move) =>
      api<{ customerId: string; ownerId: string | null }>(`/api/v1/pool/customers/${encodeURIComponent(m.customer)}/${m.action}`, {
        method: 'POST',
        body: m.action === 'assign' ? { ownerId: m.ownerId } : m.action === 'recycle' ? { reason: m.reason } : {},
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: POOL_KEY });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

export function useSavePoolSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<PoolSettings>) => api<PoolSettings>('/api/v1/pool/settings', { method: 'PATCH', body }),
    onSuccess: (saved) => queryClient.setQueryData([...POOL_KEY, 'settings'], saved),
  });
}

type StaffUser = ItemOf<'/api/v1/users'>;

/** People who can hold customers (sales, managers, admins), for assignment pickers. */
export function useOwnerCandidates(enabled = true) {
  return useQuery({
    queryKey: ['users', 'owner-candidates'],
    queryFn: () => api<{ items: StaffUser[] }>('/api/v1/users', { query: { active: 'true', limit: 200 } }),
    select: (d) => d.items.filter((u) => u.role === 'sales' || u.role === 'manager' || u.role === 'admin'),
    enabled,
  });
}

const POOL_CODES = ['pool_cooldown', 'holding_limit_reached', 'not_in_pool', 'already_in_pool', 'not_owner', 'handover_open', 'invalid_owner'];

/** The pool's refusals in the user's language (the server's detail for anything else). */
export function poolErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && POOL_CODES.includes(error.code)) return t(`pool.errors.${error.code}`);
  return errorMessage(t, error);
}
