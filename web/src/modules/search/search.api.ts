import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ResponseOf } from '../../api/schema.ts';

export type SearchCustomer = NonNullable<SearchResult['customers']>[number];
export type SearchTicket = NonNullable<SearchResult['tickets']>[number];
/** A group is absent when the user may not read that kind of record. */
export type SearchResult = ResponseOf<'/api/v1/search', 'get'>;

/** PLT-8: GET /search; the server applies each module's visibility, so the answer is shown as is. */
export function useGlobalSearch(q: string, limit = 5) {
  return useQuery({
    queryKey: ['search', q, limit],
    queryFn: ({ signal }) => api<SearchResult>('/api/v1/search', { query: { q, limit }, signal }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}
