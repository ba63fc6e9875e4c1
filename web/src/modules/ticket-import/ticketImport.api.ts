import { useMutation } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client.ts';
import type { ResponseOf } from '../../api/schema.ts';
import type { DuplicateMode } from '../../ui/import/ImportParts.tsx';

/** The uploaded file: headers, a sample, the proposed mapping and every target (ticket fields, `field:<key>`, `custom.<key>`). */
export type TicketUpload = ResponseOf<'/api/v1/tickets/import', 'post'>;
export type DuplicateKey = TicketUpload['duplicateKeys'][number];

/** `rows`: the first 200 rows of the file; `errorRows` / `duplicateRows`: the first 200 of each. */
export type TicketImportPreview = ResponseOf<'/api/v1/tickets/import/{importId}/preview', 'post'>;
export type PreviewRow = TicketImportPreview['rows'][number];

export type TicketImportResult = ResponseOf<'/api/v1/tickets/import/{importId}/commit', 'post'>;

/** Uploads the file (read in the given encoding); nothing is checked or created yet. */
export function uploadTicketCsv(file: File, encoding: string): Promise<TicketUpload> {
  return uploadFile<TicketUpload>('/api/v1/tickets/import', file, { query: { encoding } });
}

/** Checks every row with this mapping; the server keeps the preview for the commit. */
export function usePreviewImport(importId: string) {
  return useMutation({
    mutationFn: (body: { mapping: (string | null)[]; duplicateKey: DuplicateKey }) => api<TicketImportPreview>(`/api/v1/tickets/import/${importId}/preview`, { method: 'POST', body }),
  });
}

export function useCommitImport(importId: string) {
  return useMutation({
    mutationFn: (duplicateMode: DuplicateMode) => api<TicketImportResult>(`/api/v1/tickets/import/${importId}/commit`, { method: 'POST', body: { duplicateMode } }),
  });
}
