import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt, version } from '../../platform/db/columns.ts';
import { customers } from '../customers/customers.tables.ts';

/**
 * CUS-6: handing one customer over from a leaving (or moving) owner to a receiver, through the
 * stages preparation → review → confirmation → completed.
 */
export const handovers = pgTable(
  'handovers',
  {
    id: id(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    fromOwnerId: uuid('from_owner_id').notNull(),
    /** Chosen by an admin or the team's manager during preparation. */
    toOwnerId: uuid('to_owner_id'),
    /** resignation | position_change */
    reason: text('reason').$type<'resignation' | 'position_change'>().notNull(),
    /** preparation | review | confirmation | completed */
    stage: text('stage').$type<'preparation' | 'review' | 'confirmation' | 'completed'>().notNull().default('preparation'),
    /** Why the reviewer sent it back (shown until the next submit). */
    returnReason: text('return_reason'),
    submittedAt: ts('submitted_at'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: ts('reviewed_at'),
    completedAt: ts('completed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    // One open handover per customer: a repeated trigger (event retry) starts nothing new.
    uniqueIndex('handovers_open_key').on(t.customerId).where(sql`${t.stage} <> 'completed'`),
    index('handovers_stage_idx').on(t.stage, t.createdAt, t.id),
    index('handovers_from_idx').on(t.fromOwnerId),
    index('handovers_to_idx').on(t.toOwnerId),
  ],
);

/** The checklist, generated from the customer's data when the handover starts. */
export const handoverItems = pgTable(
  'handover_items',
  {
    id: id(),
    handoverId: uuid('handover_id').notNull().references(() => handovers.id, { onDelete: 'cascade' }),
    /** basic_info | opportunities | contracts | service_tickets | payment_issues */
    kind: text('kind').$type<'basic_info' | 'opportunities' | 'contracts' | 'service_tickets' | 'payment_issues'>().notNull(),
    position: integer('position').notNull(),
    /** How many records the item covers, counted when generated. */
    count: integer('count').notNull().default(0),
    /** What was found, e.g. the contract numbers and values (generated, not translated). */
    details: text('details').notNull().default(''),
    /** The original owner's notes for the receiver. */
    note: text('note'),
    completed: boolean('completed').notNull().default(false),
    completedBy: uuid('completed_by'),
    completedAt: ts('completed_at'),
  },
  (t) => [uniqueIndex('handover_items_kind_key').on(t.handoverId, t.kind)],
);
