import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt } from '../../platform/db/columns.ts';

/**
 * PLT-9: one CSV import of customers. The uploaded bytes stay under DATA_DIR/files/imports/<id>.csv
 * until the import is finished; everything the user sees (status, progress, counts, issues) is here.
 *
 * status: uploaded → validating → ready → queued → importing → completed | failed
 */
export const customerImports = pgTable(
  'customer_imports',
  {
    id: id(),
    createdBy: uuid('created_by').notNull(),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    /** The decoder used for every pass: utf-8 (BOM or not), utf-16le, windows-125x, gb18030. */
    encoding: text('encoding').notNull(),
    delimiter: text('delimiter').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    /** A few first rows, as text, for the mapping step. */
    sample: jsonb('sample').$type<string[][]>().notNull(),
    /** Data rows (lines after the header), counted when the file was accepted. */
    totalRows: integer('total_rows').notNull(),
    /** One target per column (a customer field, custom.<key>, or null to ignore it). */
    mapping: jsonb('mapping').$type<(string | null)[]>(),
    /** skip | update: what to do with a row whose phone, e-mail or tax ID an active customer has. */
    duplicateMode: text('duplicate_mode'),
    status: text('status').notNull().default('uploaded'),
    /** Rows looked at by the running pass (validation or import): the progress bar. */
    processedRows: integer('processed_rows').notNull().default(0),
    /** Preview counts. */
    validRows: integer('valid_rows').notNull().default(0),
    invalidRows: integer('invalid_rows').notNull().default(0),
    duplicateRows: integer('duplicate_rows').notNull().default(0),
    fileDuplicateRows: integer('file_duplicate_rows').notNull().default(0),
    /** Import counts, committed with each batch (a retried job resumes after lastLine). */
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    failedCount: integer('failed_count').notNull().default(0),
    lastLine: integer('last_line').notNull().default(0),
    /**
     * What the preview validated against (custom field definitions, active staff, the actor): the
     * import trusts the staged rows only while it is unchanged, and validates them again otherwise.
     */
    contextHash: text('context_hash'),
    error: text('error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('customer_imports_creator_idx').on(t.createdBy, t.createdAt)],
);

/**
 * Every data row of the file as the preview saw it, so the import never parses or validates the file
 * again: the row as written (`raw`, for the error report), and for a valid row its de-duplication keys
 * (duplicates within the file are found by SQL with an index instead of a million keys in memory) and
 * the exact values the create use case would write (`data`: { v: customer columns, a: address }).
 * Invalid rows have null keys and data. Dropped when the import finishes.
 */
export const customerImportKeys = pgTable(
  'customer_import_keys',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => customerImports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    phone: text('phone'),
    email: text('email'),
    taxId: text('tax_id'),
    raw: jsonb('raw').$type<string[]>(),
    data: jsonb('data'),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.line] }),
    index('customer_import_keys_phone_idx').on(t.importId, t.phone),
    index('customer_import_keys_email_idx').on(t.importId, t.email),
    index('customer_import_keys_tax_idx').on(t.importId, t.taxId),
  ],
);

/**
 * Per-row findings: `error` (validation), `duplicate` (an active customer has the value),
 * `file_duplicate` (an earlier line of the file has it). phase: preview | import.
 */
export const customerImportIssues = pgTable(
  'customer_import_issues',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    importId: uuid('import_id')
      .notNull()
      .references(() => customerImports.id, { onDelete: 'cascade' }),
    phase: text('phase').notNull(),
    line: integer('line').notNull(),
    kind: text('kind').notNull(),
    field: text('field'),
    message: text('message').notNull(),
    /** The existing customer (or the earlier line) a duplicate matches. */
    existingId: uuid('existing_id'),
    existingNumber: text('existing_number'),
    existingName: text('existing_name'),
    otherLine: integer('other_line'),
    /** The row as it was in the file, for the downloadable error report. */
    raw: jsonb('raw').$type<string[]>(),
  },
  (t) => [index('customer_import_issues_import_idx').on(t.importId, t.phase, t.line, t.id)],
);
