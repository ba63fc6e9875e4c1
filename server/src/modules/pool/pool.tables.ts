import { sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from '../../platform/db/columns.ts';
import { customers } from '../customers/customers.tables.ts';

/**
 * CUS-7: one row per stay of a customer in the shared pool. A row is `available` while the customer
 * sits in the pool and becomes `claimed` (a sales rep took it) or `assigned` (a manager gave it) when
 * it leaves. The rows of a customer are its pool history.
 */
export const poolEntries = pgTable(
  'pool_entries',
  {
    id: id(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    /** Owner (and team) before the recycle: null when the customer had none. */
    originalOwnerId: uuid('original_owner_id'),
    originalTeamId: uuid('original_team_id'),
    /** inactive_days | manual */
    reason: text('reason').$type<'inactive_days' | 'manual'>().notNull(),
    /** The words of whoever recycled by hand. */
    note: text('note'),
    /** available | claimed | assigned */
    status: text('status').$type<'available' | 'claimed' | 'assigned'>().notNull().default('available'),
    /** Null when the daily rule recycled it. */
    recycledBy: uuid('recycled_by'),
    enteredAt: createdAt(),
    /** Who holds the customer after it left the pool, and who decided (the claimer, or the assigning manager). */
    takenBy: uuid('taken_by'),
    decidedBy: uuid('decided_by'),
    leftAt: ts('left_at'),
  },
  (t) => [
    // At most one open stay per customer: a second recycle cannot enter it twice.
    uniqueIndex('pool_entries_open_key').on(t.customerId).where(sql`${t.status} = 'available'`),
    index('pool_entries_customer_idx').on(t.customerId, t.enteredAt),
    index('pool_entries_available_idx').on(t.enteredAt, t.id).where(sql`${t.status} = 'available'`),
    index('pool_entries_original_owner_idx').on(t.originalOwnerId, t.enteredAt),
  ],
);
