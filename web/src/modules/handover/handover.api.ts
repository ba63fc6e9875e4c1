import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api, ApiError } from '../../api/client.ts';
import { type ElementOf, every, type ItemOf, type ResponseOf } from '../../api/schema.ts';
import { errorMessage } from '../../ui/errors.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';

export type Stage = HandoverSummary['stage'];
export const STAGES = every<Stage>({ preparation: true, review: true, confirmation: true, completed: true });
export type Step = ElementOf<HandoverDetail['allowedSteps']>;

export type HandoverSummary = ItemOf<'/api/v1/handovers'>;

export type HandoverItem = ElementOf<HandoverDetail['items']>;

export type HandoverDetail = ResponseOf<'/api/v1/handovers/{id}', 'get'>;

export const HANDOVERS_KEY = ['handovers'] as const;

export function useHandoverList(filters: { stage: Stage; mine?: 'true' }) {
  return useKeysetList<HandoverSummary>([...HANDOVERS_KEY, 'list'], '/api/v1/handovers', { ...filters, limit: 50 });
}

export function useHandoverCounts() {
  return useQuery({
    queryKey: [...HANDOVERS_KEY, 'counts'],
    queryFn: () => api<{ counts: Record<Stage, number> }>('/api/v1/handovers', { query: { limit: 1 } }),
    select: (d) => d.counts,
  });
}

export function useHandover(id: string) {
  return useQuery({ queryKey: [...HANDOVERS_KEY, 'detail', id], queryFn: () => api<HandoverDetail>(`/api/v1/handovers/${id}`) });
}

type Action =
  | { kind: 'receiver'; receiverId: string }
  | { kind: 'item'; itemId: string; completed?: boolean; note?: string | null }
  | { kind: 'submit' | 'approve' | 'accept' }
  | { kind: 'send-back'; reason: string };

/** Every step answers with the updated handover; lists and counts refresh. */
export function useHandoverAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: Action) => {
      const base = `/api/v1/handovers/${id}`;
      switch (a.kind) {
        case 'receiver':
          return api<HandoverDetail>(`${base}/receiver`, { method: 'PUT', body: { receiverId: a.receiverId } });
        case 'item':
          return api<HandoverDetail>(`${base}/items/${a.itemId}`, {
            method: 'PATCH',
            body: { ...(a.completed !== undefined ? { completed: a.completed } : {}), ...(a.note !== undefined ? { note: a.note } : {}) },
          });
        case 'send-back':
          return api<HandoverDetail>(`${base}/send-back`, { method: 'POST', body: { reason: a.reason } });
        default:
          return api<HandoverDetail>(`${base}/${a.kind}`, { method: 'POST', body: {} });
      }
    },
    onSuccess: (saved) => {
      queryClient.setQueryData([...HANDOVERS_KEY, 'detail', id], saved);
      void queryClient.invalidateQueries({ queryKey: [...HANDOVERS_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...HANDOVERS_KEY, 'counts'] });
    },
  });
}

const CODES = ['handover_wrong_stage', 'handover_wrong_person', 'checklist_incomplete', 'receiver_missing', 'invalid_receiver'];

export function handoverErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && CODES.includes(error.code)) return t(`handover.errors.${error.code}`);
  return errorMessage(t, error);
}
