import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../api/client.ts';
import type { Language, Role, User } from '../../../../api/types.ts';
import { useKeysetList } from '../../../../api/useKeysetList.ts';

export interface UserFilters {
  q?: string;
  role?: Role;
  active?: 'true' | 'false';
}

export const USERS_KEY = ['users', 'list'] as const;

export function useUserList(filters: UserFilters) {
  return useKeysetList<User>(USERS_KEY, '/api/v1/users', { ...filters, limit: 50 });
}

export interface UserInput {
  email: string;
  name: string;
  role: Role;
  password?: string;
  phone: string | null;
  location: string | null;
  language: Language;
  timeZone: string;
  branchId: string | null;
  teamIds: string[];
  customerId: string | null;
}

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
