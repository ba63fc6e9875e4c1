import { useMutation } from '@tanstack/react-query';
import { api, type FieldError, uploadFile } from '../../api/client.ts';

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

/** Uploads the file for a dry run: the server checks every row and writes nothing yet. */
export function previewTicketCsv(file: File): Promise<TicketImportPreview> {
  return uploadFile<TicketImportPreview>('/api/v1/tickets/import/preview', file);
}

export function useCommitImport(importId: string) {
  return useMutation({
    mutationFn: () => api<TicketImportResult>(`/api/v1/tickets/import/${importId}/commit`, { method: 'POST', body: {} }),
  });
}
