import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api, ApiError, setCsrfToken } from '../api/client.ts';
import type { Me, Permission } from '../api/types.ts';

export const ME_KEY = ['me'] as const;

/** The signed-in user, or null when there is no session (a 401 here is an answer, not an error). */
export function useMeQuery() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api<Me>('/api/v1/me', { allowUnauthorized: true });
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

const MeContext = createContext<Me | null>(null);
export const MeProvider = MeContext.Provider;

/** Inside the guarded layouts the user is always known. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() outside a signed-in layout');
  return me;
}

export function useOptionalMe(): Me | null {
  return useContext(MeContext);
}

export function useCan() {
  const me = useOptionalMe();
  return (permission: Permission) => !!me?.permissions.includes(permission);
}

/** PATCH /me and keep the cached user (and so every screen) in step with the answer. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<Pick<Me, 'name' | 'phone' | 'location' | 'language' | 'timeZone' | 'colorScheme'>>) =>
      api<Me>('/api/v1/me', { method: 'PATCH', body }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

/**
 * Drops everything cached for the old session. The `me` entry is set to null rather than removed,
 * so the guard watching it re-renders and sends the user to /login.
 */
export function forgetSession(queryClient: QueryClient) {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
  queryClient.setQueryData(ME_KEY, null);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/v1/auth/logout', { method: 'POST', allowUnauthorized: true }),
    onSettled: () => forgetSession(queryClient),
  });
}
