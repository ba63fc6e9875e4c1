import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { duplicateMode, DUPLICATE_MODES, fileShape, mappingField } from '../../platform/imports/import.contracts.ts';

export { uploadQuery } from '../../platform/imports/import.contracts.ts';
export const importIdParam = z.object({ id: z.uuid() });
/** One target per column, in column order: a customer field, `custom.<key>`, or null (ignore). */
export const previewBody = z.strictObject({ mapping: mappingField });
export const startBody = z.strictObject({ duplicateMode });
export const issuesQuery = z.strictObject({
  phase: z.enum(['preview', 'import']).optional(),
  kind: z.enum(['error', 'duplicate', 'file_duplicate']).optional(),
  ...pageQuery,
});
export const issueCursor = z.tuple([z.number().int(), z.number().int()]);

const status = z.enum(['uploaded', 'validating', 'ready', 'queued', 'importing', 'completed', 'failed']);

export const importResponse = z.object({
  id: z.uuid(),
  ...fileShape,
  size: z.number().int(),
  mappingConfirmed: z.boolean(),
  duplicateMode: z.enum(DUPLICATE_MODES).nullable(),
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
