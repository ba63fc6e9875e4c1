import { z } from 'zod';
import { listTicketsQuery } from '../tickets/index.ts';

export const importIdParam = z.object({ importId: z.uuid() });

const rowError = z.object({ field: z.string(), message: z.string() });
const previewRow = z.object({
  /** The row's line in the file (the header is line 1). */
  line: z.number().int(),
  /** The cells by column, as typed. */
  values: z.record(z.string(), z.string()),
  errors: z.array(rowError),
});

export const previewResponse = z.object({
  importId: z.uuid(),
  fileName: z.string(),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** The header's columns, lower-cased (type fields as `field:<key>`). */
  columns: z.array(z.string()),
  /** The first 200 rows of the file. */
  rows: z.array(previewRow),
  /** The first 200 rows with errors, wherever they are in the file. */
  errorRows: z.array(previewRow),
});

export const commitResponse = z.object({
  created: z.number().int(),
  /** Invalid rows of the preview, not created. */
  skipped: z.number().int(),
  /** The first 50 numbers created, in file order. */
  numbers: z.array(z.string()),
});

/** The list's filters and views, without paging: the export is the whole list. */
export const exportQuery = listTicketsQuery.omit({ limit: true, cursor: true });
