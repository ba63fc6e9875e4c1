import { useMutation } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client.ts';
import type { ResponseOf } from '../../api/schema.ts';

export type PreviewRow = TicketImportPreview['rows'][number];

/** `rows`: the first 200 rows of the file; `errorRows`: the first 200 rows with errors. */
export type TicketImportPreview = ResponseOf<'/api/v1/tickets/import/preview', 'post'>;

export type TicketImportResult = ResponseOf<'/api/v1/tickets/import/{importId}/commit', 'post'>;

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
