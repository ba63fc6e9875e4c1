import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { exactTimestamp } from '../../platform/db/keyset.ts';
import { transferOpenActivities } from '../activities/index.ts';
import { openTicketLabels } from '../tickets/index.ts';
import { customerCards, customerHandoverFacts, customersOwnedBy, transferCustomer } from '../customers/index.ts';
import {
  activeAdmins as activeAdminIds,
  customerHolder,
  responsibleManagers as managersResponsibleFor,
  userIsActive,
  userRef,
} from '../identity/index.ts';
import { handoverItems, handovers } from './handover.tables.ts';

export type Stage = 'preparation' | 'review' | 'confirmation' | 'completed';
const rows = <T>(r: unknown) => r as T[];
const person = (col: string) => userRef(sql.raw(col));
/** The customer fields a handover shows, joined as a subquery (customers' own card). */
const customers = customerCards();

/** Customers a user owns that a handover should move (inactive ones stay where they are). */
export async function ownedCustomers(db: Db, userId: string) {
  return customersOwnedBy(db, userId);
}

/** Starts one handover; null when the customer already has an open one (the partial unique index). */
export async function insertHandover(db: Db, v: { customerId: string; fromOwnerId: string; reason: 'resignation' | 'position_change' }): Promise<string | null> {
  const [row] = await db.insert(handovers).values(v).onConflictDoNothing().returning({ id: handovers.id });
  return row?.id ?? null;
}

export async function insertItems(db: Db, handoverId: string, items: { kind: (typeof handoverItems.$inferInsert)['kind']; count: number; details: string }[]) {
  await db.insert(handoverItems).values(items.map((it, position) => ({ handoverId, position, ...it })));
}

export interface Facts {
  customer: { number: string; name: string; email: string | null; phone: string | null; level: string; status: string };
  opportunities: { available: boolean; rows: { label: string }[] };
  tickets: { available: boolean; rows: { label: string }[] };
  contracts: { label: string }[];
  invoices: { label: string }[];
}

const tableExists = async (db: Db, name: string) =>
  rows<{ t: string | null }>(await db.execute(sql`select to_regclass(${`public.${name}`})::text as t`))[0].t !== null;

/** What the checklist is generated from: the customer's real records at the time the handover starts. */
export async function checklistFacts(db: Db, customerId: string): Promise<Facts> {
  const { customer, contracts, invoices } = await customerHandoverFacts(db, customerId);
  // Opportunities are another module's table; until it exists the item says "none".
  const opportunities = { available: await tableExists(db, 'opportunities'), rows: [] as { label: string }[] };
  if (opportunities.available) {
    opportunities.rows = rows(await db.execute(sql`select coalesce(title, id::text) as label from opportunities where customer_id = ${customerId} and status = 'OPEN'`));
  }
  const tickets = { available: true, rows: await openTicketLabels(db, customerId) };
  return { customer, opportunities, tickets, contracts, invoices };
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────
export const handoverColumns = {
  id: handovers.id,
  stage: handovers.stage,
  reason: handovers.reason,
  returnReason: handovers.returnReason,
  customerId: handovers.customerId,
  fromOwnerId: handovers.fromOwnerId,
  toOwnerId: handovers.toOwnerId,
  customer: { id: customers.id, number: customers.number, name: customers.name, email: customers.email, country: customers.country, ownerId: customers.ownerId, teamId: customers.teamId },
  fromOwner: person('"handovers"."from_owner_id"'),
  fromOwnerActive: userIsActive(sql.raw('"handovers"."from_owner_id"')),
  toOwner: person('"handovers"."to_owner_id"'),
  reviewedBy: person('"handovers"."reviewed_by"'),
  itemsTotal: sql<number>`(select count(*)::int from handover_items i where i.handover_id = "handovers"."id")`,
  itemsDone: sql<number>`(select count(*)::int from handover_items i where i.handover_id = "handovers"."id" and i.completed)`,
  submittedAt: handovers.submittedAt,
  reviewedAt: handovers.reviewedAt,
  completedAt: handovers.completedAt,
  createdAt: handovers.createdAt,
  updatedAt: handovers.updatedAt,
  cursorAt: exactTimestamp(handovers.createdAt),
};
export type HandoverRow = NonNullable<Awaited<ReturnType<typeof findHandover>>>;

export async function findHandover(db: Db, id: string, visible: SQL, lock = false) {
  const q = db.select(handoverColumns).from(handovers).innerJoin(customers, eq(customers.id, handovers.customerId)).where(and(eq(handovers.id, id), visible));
  const [row] = lock ? await q.for('update', { of: handovers }) : await q;
  return row ?? null;
}

export async function listItems(db: Db, handoverId: string) {
  return db
    .select({
      id: handoverItems.id,
      kind: handoverItems.kind,
      count: handoverItems.count,
      details: handoverItems.details,
      note: handoverItems.note,
      completed: handoverItems.completed,
      completedBy: person('"handover_items"."completed_by"'),
      completedAt: handoverItems.completedAt,
    })
    .from(handoverItems)
    .where(eq(handoverItems.handoverId, handoverId))
    .orderBy(asc(handoverItems.position));
}

export async function listHandovers(db: Db, spec: { where: SQL[]; after?: [string, string]; limit: number }) {
  const where = [...spec.where];
  if (spec.after) where.push(sql`(${handovers.createdAt}, ${handovers.id}) < (${spec.after[0]}::timestamptz, ${spec.after[1]}::uuid)`);
  return db
    .select(handoverColumns)
    .from(handovers)
    .innerJoin(customers, eq(customers.id, handovers.customerId))
    .where(and(...where))
    .orderBy(desc(handovers.createdAt), desc(handovers.id))
    .limit(spec.limit + 1);
}

export async function countByStage(db: Db, visible: SQL) {
  return db
    .select({ stage: handovers.stage, n: sql<number>`count(*)::int` })
    .from(handovers)
    .innerJoin(customers, eq(customers.id, handovers.customerId))
    .where(visible)
    .groupBy(handovers.stage);
}

/**
 * Managers of the teams the leaving owner belongs to and of the customer's team; when there are
 * none (someone who left every team), the active managers of the owner's branch (their scope).
 */
export async function responsibleManagers(db: Db, fromOwnerId: string, customerTeamId: string | null): Promise<string[]> {
  return managersResponsibleFor(db, fromOwnerId, customerTeamId);
}

export async function activeAdmins(db: Db): Promise<string[]> {
  return activeAdminIds(db);
}

export async function receiverCandidate(db: Db, userId: string) {
  return customerHolder(db, userId);
}

// ── for other modules (the pool) ────────────────────────────────────────────────────────────
/** Whether the customer in `customerId` (a column) has a handover under way. */
export const openHandoverExists = (customerId: SQL) => sql<boolean>`exists (select 1 from handovers h where h.customer_id = ${customerId} and h.stage <> 'completed')`;

/** When the last handover of the customer in `customerId` (a column) completed, or null. */
export const lastHandoverCompletedAt = (customerId: SQL) => sql`(select max(h.completed_at) from handovers h where h.customer_id = ${customerId})`;

export async function customerHasOpenHandover(db: Db, customerId: string): Promise<boolean> {
  return rows(await db.execute(sql`select 1 from handovers where customer_id = ${customerId} and stage <> 'completed' limit 1`)).length > 0;
}

// ── writing ──────────────────────────────────────────────────────────────────────────────────
/** Moves the stage only from the expected one: a concurrent step finds 0 rows and is refused. */
export async function moveStage(db: Db, id: string, from: Stage, values: Partial<typeof handovers.$inferInsert>): Promise<boolean> {
  const updated = await db
    .update(handovers)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${handovers.version} + 1` })
    .where(and(eq(handovers.id, id), eq(handovers.stage, from)))
    .returning({ id: handovers.id });
  return updated.length === 1;
}

export async function updateItem(db: Db, handoverId: string, itemId: string, values: Partial<typeof handoverItems.$inferInsert>) {
  const [row] = await db
    .update(handoverItems)
    .set(values)
    .where(and(eq(handoverItems.handoverId, handoverId), eq(handoverItems.id, itemId)))
    .returning({ id: handoverItems.id, kind: handoverItems.kind });
  return row ?? null;
}

/** The transfer on completion: the customer, its open contracts and the leaving owner's open activities. */
export async function transferRecords(db: Db, customerId: string, fromOwnerId: string, toOwnerId: string) {
  const contracts = await transferCustomer(db, customerId, toOwnerId);
  const activities = await transferOpenActivities(db, customerId, fromOwnerId, toOwnerId);
  return { contracts, activities };
}

/** Demo data only: every item of a handover ticked by one person. */
export async function completeAllItems(db: Db, handoverId: string, userId: string) {
  await db.update(handoverItems).set({ completed: true, completedBy: userId, completedAt: sql`now()` }).where(eq(handoverItems.handoverId, handoverId));
}

/** The steps of a handover from its history (checklist ticks left out), oldest first, with names. */
export async function handoverTimeline(db: Db, handoverId: string) {
  return rows<{ action: string; at: Date | string; actor: { id: string; name: string } | null; changes: { field: string; from: unknown; to: unknown }[] }>(
    await db.execute(sql`select h.action, h.at, h.changes, ${userRef(sql.raw('h.actor_id'))} as actor
      from history h
      where h.entity_type = 'handover' and h.entity_id = ${handoverId} and h.action <> 'item_updated'
      order by h.id limit 100`),
  );
}
