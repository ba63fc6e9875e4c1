import { index, integer, jsonb, pgTable, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ts } from '../../platform/db/columns.ts';

/**
 * TKT-11: one checked CSV of tickets, from its preview until its commit. `rows` are the valid rows
 * exactly as the commit writes them; `errors` the first invalid rows the preview showed. A commit
 * sets committed_at and `result` and empties `rows`, so the row stays only as the marker that
 * refuses a second commit. Every new preview deletes rows older than a day (created_at index).
 */
export const ticketImports = pgTable(
  'ticket_imports',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    createdAt: createdAt(),
    committedAt: ts('committed_at'),
    total: integer('total').notNull(),
    valid: integer('valid').notNull(),
    rows: jsonb('rows').notNull(),
    errors: jsonb('errors').notNull(),
    /** After the commit: { created, skipped, numbers } as the commit answered. */
    result: jsonb('result'),
  },
  (t) => [index('ticket_imports_created_idx').on(t.createdAt)],
);
