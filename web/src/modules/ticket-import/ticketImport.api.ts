import { useMutation } from '@tanstack/react-query';
import { api, ApiError, type FieldError } from '../../api/client.ts';

export interface PreviewRow {
  line: number;
  values: Record<string, string>;
  errors: FieldError[];
}

export interface TicketImportPreview {
  importId: string;
  fileName: string;
  total: number;
  valid: number;
  invalid: number;
  columns: string[];
  /** The first 200 rows of the file. */
  rows: PreviewRow[];
  /** The first 200 rows with errors. */
  errorRows: PreviewRow[];
}

export interface TicketImportResult {
  created: number;
  skipped: number;
  numbers: string[];
}

/** The columns the server reads (type fields: `field:<key>`), shown as the file's expected header. */
export const TEMPLATE_COLUMNS = ['title', 'description', 'type', 'category', 'priority', 'customer', 'component', 'processor', 'tags', 'campaign', 'products'];

/**
 * Multipart upload: the JSON client cannot send a file. The CSRF token comes from /me, as the
 * session provider reads it.
 */
export async function previewTicketCsv(file: File): Promise<TicketImportPreview> {
  const me = await api<{ csrfToken: string }>('/api/v1/me');
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch('/api/v1/tickets/import/preview', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': me.csrfToken, Accept: 'application/json, application/problem+json' },
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server cannot be reached.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; errors?: FieldError[] };
    throw new ApiError(response.status, body.code ?? 'http_error', body.detail ?? response.statusText, body.errors ?? [], body);
  }
  return (await response.json()) as TicketImportPreview;
}

export function useCommitImport(importId: string) {
  return useMutation({
    mutationFn: () => api<TicketImportResult>(`/api/v1/tickets/import/${importId}/commit`, { method: 'POST', body: {} }),
  });
}
