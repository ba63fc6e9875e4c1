import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { ENCODINGS } from '../../platform/csv/csv.ts';

export const importIdParam = z.object({ id: z.uuid() });
export const uploadQuery = z.strictObject({ encoding: z.enum(ENCODINGS).default('auto') });
export const previewBody = z.strictObject({
  /** One target per column, in column order: a customer field, `custom.<key>`, or null (ignore). */
  mapping: z.array(z.string().max(60).nullable()).min(1).max(500),
});
export const startBody = z.strictObject({ duplicateMode: z.enum(['skip', 'update']) });
export const issuesQuery = z.strictObject({
  phase: z.enum(['preview', 'import']).optional(),
  kind: z.enum(['error', 'duplicate', 'file_duplicate']).optional(),
  ...pageQuery,
});
export const issueCursor = z.tuple([z.number().int(), z.number().int()]);

const status = z.enum(['uploaded', 'validating', 'ready', 'queued', 'importing', 'completed', 'failed']);

export const importResponse = z.object({
  id: z.uuid(),
  fileName: z.string(),
  size: z.number().int(),
  encoding: z.string(),
  delimiter: z.string(),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  totalRows: z.number().int(),
  mapping: z.array(z.string().nullable()),
  mappingConfirmed: z.boolean(),
  targets: z.array(z.string()),
  customLabels: z.record(z.string(), z.string()),
  duplicateMode: z.enum(['skip', 'update']).nullable(),
  status,
  processedRows: z.number().int(),
  preview: z.object({ valid: z.number().int(), invalid: z.number().int(), duplicates: z.number().int(), fileDuplicates: z.number().int() }),
  result: z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int(), failed: z.number().int() }),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const issueResponse = z.object({
  id: z.number().int(),
  line: z.number().int(),
  kind: z.string(),
  field: z.string().nullable(),
  message: z.string(),
  existingId: z.string().nullable(),
  existingNumber: z.string().nullable(),
  existingName: z.string().nullable(),
  otherLine: z.number().int().nullable(),
});
