import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const MERGE_RULES = ['primary', 'secondary', 'combine', 'latest'] as const;
export type MergeRule = (typeof MERGE_RULES)[number];

export interface MergeSide {
  id: string;
  number: string;
  name: string;
  version: number;
}

export interface MergePreview {
  primary: MergeSide;
  secondary: MergeSide;
  fields: { field: string; rule: MergeRule; combinable: boolean; primary: unknown; secondary: unknown; merged: unknown }[];
  references: { table: string; column: string }[];
}

export function useMergePreview(primary: string | null, secondary: string | null, rules: Record<string, MergeRule>) {
  return useQuery({
    queryKey: ['customer-merges', 'preview', primary, secondary, rules],
    queryFn: () => api<MergePreview>('/api/v1/customer-merges/preview', { query: { primary, secondary, rules: JSON.stringify(rules) } }),
    enabled: Boolean(primary && secondary),
    placeholderData: (previous) => previous,
    retry: false,
  });
}

export interface MergeBody {
  primary: string;
  secondary: string;
  rules: Record<string, MergeRule>;
  primaryVersion: number;
  secondaryVersion: number;
  note?: string;
}

export function useMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MergeBody) => api<{ customer: { id: string; number: string; name: string }; moved: Record<string, number> }>('/api/v1/customer-merges', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['customers'] }),
  });
}
