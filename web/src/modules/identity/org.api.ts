import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { BodyOf } from '../../api/schema.ts';
import type { Branch, Page, Team, User } from '../../api/types.ts';

export const BRANCHES_KEY = ['branches'] as const;
export const TEAMS_KEY = ['teams'] as const;

export function useBranches() {
  return useQuery({
    queryKey: BRANCHES_KEY,
    queryFn: () => api<{ items: Branch[] }>('/api/v1/branches'),
    select: (d) => d.items,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: TEAMS_KEY,
    queryFn: () => api<{ items: Team[] }>('/api/v1/teams'),
    select: (d) => d.items,
  });
}

/** Staff for manager/member pickers: the directory's first 200, clients left out (they join no team). */
export function useStaffOptions() {
  return useQuery({
    queryKey: ['users', 'options'],
    queryFn: () => api<Page<User>>('/api/v1/users', { query: { limit: 200 } }),
    select: (d) => d.items.filter((u) => u.role !== 'client').map((u) => ({ value: u.id, label: u.name, active: u.active })),
  });
}

export type BranchInput = Required<BodyOf<'/api/v1/branches', 'post'>>;

export function useSaveBranch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: Partial<BranchInput> }) =>
      id
        ? api<Branch>(`/api/v1/branches/${id}`, { method: 'PATCH', body, version })
        : api<Branch>('/api/v1/branches', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BRANCHES_KEY }),
  });
}

export type TeamInput = Required<BodyOf<'/api/v1/teams', 'post'>>;

export function useSaveTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: Partial<TeamInput> }) =>
      id ? api<Team>(`/api/v1/teams/${id}`, { method: 'PATCH', body, version }) : api<Team>('/api/v1/teams', { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: TEAMS_KEY });
      // Membership shows on users too.
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
