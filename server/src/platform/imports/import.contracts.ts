import { z } from 'zod';
import { ENCODINGS } from '../csv/csv.ts';

/** PLT-9 contract pieces every import's API shares (customers, tickets). */

/** The encoding the user says the file has; `auto` reads a BOM, else requires UTF-8. */
export const uploadQuery = z.strictObject({ encoding: z.enum(ENCODINGS).default('auto') });

/** One target per column, in column order: an entity field, `custom.<key>`, or null (ignore the column). */
export const mappingField = z.array(z.string().max(60).nullable()).min(1).max(500);

/** What an import does with a row that matches an existing record: leave the record alone, or update it with the row's cells. */
export const DUPLICATE_MODES = ['skip', 'update'] as const;
export type DuplicateMode = (typeof DUPLICATE_MODES)[number];
export const duplicateMode = z.enum(DUPLICATE_MODES);

/** A row problem: the target (or `row`) at fault and what is wrong, on the row's line (the header is line 1). */
export const rowProblem = z.object({ field: z.string(), message: z.string() });

/** The file as the mapping step shows it. */
export const fileShape = {
  fileName: z.string(),
  encoding: z.string(),
  delimiter: z.string(),
  headers: z.array(z.string()),
  /** A few first rows, for the mapping step. */
  sample: z.array(z.array(z.string())),
  totalRows: z.number().int(),
  /** The mapping chosen, or until then the one proposed from the header names. */
  mapping: z.array(z.string().nullable()),
  /** Every target a column may fill: the entity's fields, then `custom.<key>` of each active custom field. */
  targets: z.array(z.string()),
  customLabels: z.record(z.string(), z.string()),
};
