import { z } from 'zod';
import { duplicateMode, fileShape, mappingField, rowProblem } from '../../platform/imports/import.contracts.ts';
import { DUPLICATE_KEYS, listTicketsQuery } from '../tickets/index.ts';

export { uploadQuery } from '../../platform/imports/import.contracts.ts';
export const importIdParam = z.object({ importId: z.uuid() });

/** The uploaded file, ready for its mapping: headers, a sample, the proposed mapping and every target. */
export const uploadResponse = z.object({ importId: z.uuid(), ...fileShape, duplicateKeys: z.array(z.enum(DUPLICATE_KEYS)) });

export const previewBody = z.strictObject({
  /** One target per column, in column order: a ticket field, `field:<key>` (a type's field), `custom.<key>`, or null (ignore). */
  mapping: mappingField,
  /** What finds an existing ticket for a row: its external reference (default) or its ticket number. */
  duplicateKey: z.enum(DUPLICATE_KEYS).default('externalRef'),
});

const previewRow = z.object({
  /** The row's line in the file (the header is line 1). */
  line: z.number().int(),
  /** The mapped cells by target, as typed. */
  values: z.record(z.string(), z.string()),
  /** Problems naming the target at fault (or `row`); a row with any is not imported. */
  errors: z.array(rowProblem),
  /** The existing ticket the row's duplicate key matches: skipped or updated, as chosen at the commit. */
  duplicateOf: z.object({ id: z.uuid(), number: z.string() }).nullable(),
});

export const previewResponse = z.object({
  importId: z.uuid(),
  fileName: z.string(),
  total: z.number().int(),
  /** Rows without problems: new tickets plus duplicates. */
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Valid rows matching an existing ticket. */
  duplicates: z.number().int(),
  /** The mapped targets, in column order. */
  columns: z.array(z.string()),
  customLabels: z.record(z.string(), z.string()),
  /** The first 200 rows of the file. */
  rows: z.array(previewRow),
  /** The first 200 rows with problems, wherever they are in the file. */
  errorRows: z.array(previewRow),
  /** The first 200 duplicate rows. */
  duplicateRows: z.array(previewRow),
});

export const commitBody = z.strictObject({ duplicateMode: duplicateMode.default('skip') });

export const commitResponse = z.object({
  created: z.number().int(),
  /** Duplicates updated with their row's cells ("update"). */
  updated: z.number().int(),
  /** Invalid rows of the preview, duplicates left alone ("skip") and duplicates the row would not change. */
  skipped: z.number().int(),
  /** Duplicates whose update the ticket's rules refused, each in `problems`. */
  failed: z.number().int(),
  /** The first 50 numbers created, in file order. */
  numbers: z.array(z.string()),
  problems: z.array(rowProblem.extend({ line: z.number().int(), number: z.string() })),
});

/** The list's filters and views, without paging: the export is the whole list. */
export const exportQuery = listTicketsQuery.omit({ limit: true, cursor: true });
