import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { type BodyOf, every, type ResponseOf } from '../../api/schema.ts';

export type MergeRule = MergePreview['fields'][number]['rule'];
export const MERGE_RULES = every<MergeRule>({ primary: true, secondary: true, combine: true, latest: true });

export type MergeSide = MergePreview['primary'];

export type MergePreview = ResponseOf<'/api/v1/customer-merges/preview', 'get'>;

export function useMergePreview(primary: string | null, secondary: string | null, rules: Record<string, MergeRule>) {
  return useQuery({
    queryKey: ['customer-merges', 'preview', primary, secondary, rules],
    queryFn: () => api<MergePreview>('/api/v1/customer-merges/preview', { query: { primary, secondary, rules: JSON.stringify(rules) } }),
    enabled: Boolean(primary && secondary),
    placeholderData: (previous) => previous,
    retry: false,
  });
}

export type MergeBody = BodyOf<'/api/v1/customer-merges', 'post'>;

export function useMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MergeBody) => api<{ customer: { id: string; number: string; name: string }; moved: Record<string, number> }>('/api/v1/customer-merges', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['customers'] }),
  });
}
