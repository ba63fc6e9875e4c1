import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ts } from '../../platform/db/columns.ts';

/**
 * TKT-11 / PLT-9: one CSV of tickets, from its upload through the mapping and the preview until its
 * commit. `records` are the file's data rows as read (a file has at most 10,000), so the preview can
 * run again with another mapping without a new upload; `rows` the preview's rows exactly as the
 * commit writes them (new tickets and duplicates to update). A commit sets committed_at and `result`
 * and empties `records` and `rows`, so the row stays only as the marker that refuses a second commit.
 * Every new upload deletes rows older than a day (created_at index).
 */
export const ticketImports = pgTable(
  'ticket_imports',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    createdAt: createdAt(),
    committedAt: ts('committed_at'),
    fileName: text('file_name').notNull().default(''),
    encoding: text('encoding').notNull().default('utf-8'),
    delimiter: text('delimiter').notNull().default(','),
    headers: jsonb('headers').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** A few first rows, as text, for the mapping step. */
    sample: jsonb('sample').$type<string[][]>().notNull().default(sql`'[]'::jsonb`),
    records: jsonb('records').$type<{ line: number; values: string[] }[]>().notNull().default(sql`'[]'::jsonb`),
    /** The last previewed mapping (one target per column or null) and duplicate key. */
    mapping: jsonb('mapping').$type<(string | null)[]>(),
    duplicateKey: text('duplicate_key'),
    /** When the current preview ran: a commit trusts it for an hour. */
    previewedAt: ts('previewed_at'),
    total: integer('total').notNull().default(0),
    valid: integer('valid').notNull().default(0),
    rows: jsonb('rows').notNull().default(sql`'[]'::jsonb`),
    errors: jsonb('errors').notNull().default(sql`'[]'::jsonb`),
    /** After the commit: { created, updated, skipped, failed, numbers, problems } as the commit answered. */
    result: jsonb('result'),
  },
  (t) => [index('ticket_imports_created_idx').on(t.createdAt)],
);
