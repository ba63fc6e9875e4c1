import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Page } from './types.ts';

/** Keyset "load more" over any `{items, nextCursor}` list of the API. */
export function useKeysetList<T>(key: readonly unknown[], path: string, query: Record<string, string | number | undefined>) {
  const list = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam, signal }) => api<Page<T>>(path, { query: { ...query, cursor: pageParam ?? undefined }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // While a new filter loads, the old rows stay instead of a blank table.
    placeholderData: keepPreviousData,
  });
  return { ...list, items: list.data?.pages.flatMap((p) => p.items) ?? [] };
}
