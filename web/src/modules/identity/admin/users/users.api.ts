import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../api/client.ts';
import type { BodyOf, QueryOf } from '../../../../api/schema.ts';
import type { User } from '../../../../api/types.ts';
import { useKeysetList } from '../../../../api/useKeysetList.ts';

export type UserFilters = Pick<QueryOf<'/api/v1/users', 'get'>, 'q' | 'role' | 'active'>;

export const USERS_KEY = ['users', 'list'] as const;

export function useUserList(filters: UserFilters) {
  return useKeysetList<User>(USERS_KEY, '/api/v1/users', { ...filters, limit: 50 });
}

type CreateUser = BodyOf<'/api/v1/users', 'post'>;
/** The form's values: every field of a new user, the password only when set. */
export type UserInput = Required<Omit<CreateUser, 'password'>> & Partial<Pick<CreateUser, 'password'>>;

export function fetchUser(id: string) {
  return api<User>(`/api/v1/users/${id}`);
}

export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: Partial<UserInput> }) =>
      id ? api<User>(`/api/v1/users/${id}`, { method: 'PATCH', body, version }) : api<User>('/api/v1/users', { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
    },
  });
}

export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api<User>(`/api/v1/users/${id}/${active ? 'activate' : 'deactivate'}`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
