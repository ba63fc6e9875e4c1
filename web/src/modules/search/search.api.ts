import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface SearchCustomer {
  id: string;
  number: string;
  name: string;
  hint: string | null;
}
export interface SearchTicket {
  id: string;
  number: string;
  title: string;
  status: string;
}
/** A group is absent when the user may not read that kind of record. */
export interface SearchResult {
  customers?: SearchCustomer[];
  tickets?: SearchTicket[];
}

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
