import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client.ts';
import type { ItemOf, ResponseOf } from '../../api/schema.ts';

export type ImportStatus = CustomerImport['status'];
export type DuplicateMode = NonNullable<CustomerImport['duplicateMode']>;

export type CustomerImport = ResponseOf<'/api/v1/customer-imports/{id}', 'get'>;

export type ImportIssue = ItemOf<'/api/v1/customer-imports/{id}/issues'>;

const BUSY: ImportStatus[] = ['validating', 'queued', 'importing'];
const key = (id: string) => ['customer-imports', id] as const;

/** The import, polled every second while the server works on it (validation or import). */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: key(id ?? ''),
    queryFn: () => api<CustomerImport>(`/api/v1/customer-imports/${id}`),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && BUSY.includes(query.state.data.status) ? 1000 : false),
  });
}

export function useImportIssues(id: string, phase: 'preview' | 'import', enabled: boolean) {
  return useQuery({
    queryKey: [...key(id), 'issues', phase],
    queryFn: () => api<{ items: ImportIssue[]; nextCursor: string | null }>(`/api/v1/customer-imports/${id}/issues`, { query: { phase, limit: 200 } }),
    enabled,
  });
}

/** Uploads the file to stage a new import; the server reads it in the given encoding. */
export function uploadCsv(file: File, encoding: string): Promise<CustomerImport> {
  return uploadFile<CustomerImport>('/api/v1/customer-imports', file, { query: { encoding } });
}

export function useImportStep<B>(id: string, step: 'preview' | 'start') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<void>(`/api/v1/customer-imports/${id}/${step}`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: key(id) }),
  });
}

export const reportUrl = (id: string) => `/api/v1/customer-imports/${id}/report.csv`;
