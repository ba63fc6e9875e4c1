import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { exactTimestamp } from '../../platform/db/keyset.ts';
import { customers } from '../customers/index.ts';
import { handoverItems, handovers } from './handover.tables.ts';

export type Stage = 'preparation' | 'review' | 'confirmation' | 'completed';
const rows = <T>(r: unknown) => r as T[];
const person = (col: string) => sql<{ id: string; name: string } | null>`(select json_build_object('id', u.id, 'name', u.name) from users u where u.id = ${sql.raw(col)})`;

/** Customers a user owns that a handover should move (inactive ones stay where they are). */
export async function ownedCustomers(db: Db, userId: string) {
  return rows<{ id: string; number: string; name: string }>(
    await db.execute(sql`select id, number, name from customers where owner_id = ${userId} and status <> 'INACTIVE' order by number`),
  );
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
  const [customer] = rows<Facts['customer']>(
    await db.execute(sql`select number, name, email, coalesce(phone, mobile) as phone, level, status from customers where id = ${customerId}`),
  );
  const contracts = rows<{ label: string }>(
    await db.execute(sql`select number || ' ' || title || ' (' || to_char(value, 'FM999,999,999,999,990.00') || ' ' || currency || coalesce(', until ' || end_date::text, '') || ')' as label
      from contracts where customer_id = ${customerId} and status = 'ACTIVE' order by number`),
  );
  const invoices = rows<{ label: string }>(
    await db.execute(sql`select number || ': ' || to_char(amount - paid_amount, 'FM999,999,999,999,990.00') || ' ' || currency || ' open' || coalesce(', due ' || due_date::text, '') as label
      from invoices where customer_id = ${customerId} and status not in ('PAID', 'CANCELLED', 'DRAFT') and amount > paid_amount order by number`),
  );
  // Opportunities and tickets are other modules' tables; until they exist the item says "none".
  const opportunities = { available: await tableExists(db, 'opportunities'), rows: [] as { label: string }[] };
  if (opportunities.available) {
    opportunities.rows = rows(await db.execute(sql`select coalesce(title, id::text) as label from opportunities where customer_id = ${customerId} and status = 'OPEN'`));
  }
  const tickets = { available: await tableExists(db, 'tickets'), rows: [] as { label: string }[] };
  if (tickets.available) {
    tickets.rows = rows(
      await db.execute(sql`select number || ' ' || title as label from tickets where customer_id = ${customerId} and status not in ('resolved', 'closed') order by number`),
    );
  }
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
  fromOwnerActive: sql<boolean>`coalesce((select u.active from users u where u.id = "handovers"."from_owner_id"), false)`,
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
  const found = rows<{ id: string }>(
    await db.execute(sql`select distinct t.manager_id as id from teams t
      where t.manager_id is not null and t.active
        and (t.id in (select tm.team_id from team_members tm where tm.user_id = ${fromOwnerId}) or t.id = ${customerTeamId}::uuid)`),
  );
  if (found.length) return found.map((r) => r.id);
  const branch = rows<{ id: string }>(
    await db.execute(sql`select m.id from users m join users o on o.id = ${fromOwnerId}
      where m.role = 'manager' and m.active and o.branch_id is not null and m.branch_id = o.branch_id and m.id <> o.id`),
  );
  return branch.map((r) => r.id);
}

export async function activeAdmins(db: Db): Promise<string[]> {
  return rows<{ id: string }>(await db.execute(sql`select id from users where role = 'admin' and active order by created_at`)).map((r) => r.id);
}

export async function receiverCandidate(db: Db, userId: string) {
  return rows<{ id: string; name: string; email: string; phone: string | null }>(
    await db.execute(sql`select id, name, email, phone from users where id = ${userId} and active and role in ('sales', 'manager', 'admin')`),
  )[0] ?? null;
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
  await db.execute(sql`update customers set owner_id = ${toOwnerId}, version = version + 1, updated_at = now() where id = ${customerId}`);
  const contracts = rows<{ id: string; number: string; ownerId: string | null }>(
    await db.execute(sql`update contracts c set owner_id = ${toOwnerId}, version = c.version + 1, updated_at = now()
      from (select id, owner_id from contracts where customer_id = ${customerId} and status in ('DRAFT', 'ACTIVE') for update) old
      where c.id = old.id returning c.id, c.number, old.owner_id as "ownerId"`),
  );
  const activities = rows<{ id: string; subject: string }>(
    await db.execute(sql`update activities set owner_id = ${toOwnerId}, version = version + 1, updated_at = now()
      where customer_id = ${customerId} and owner_id = ${fromOwnerId} and status in ('PLANNED', 'IN_PROGRESS') returning id, subject`),
  );
  return { contracts, activities };
}

/** Demo data only: every item of a handover ticked by one person. */
export async function completeAllItems(db: Db, handoverId: string, userId: string) {
  await db.update(handoverItems).set({ completed: true, completedBy: userId, completedAt: sql`now()` }).where(eq(handoverItems.handoverId, handoverId));
}

/** The steps of a handover from its history (checklist ticks left out), oldest first, with names. */
export async function handoverTimeline(db: Db, handoverId: string) {
  return rows<{ action: string; at: Date | string; actor: { id: string; name: string } | null; changes: { field: string; from: unknown; to: unknown }[] }>(
    await db.execute(sql`select h.action, h.at, h.changes,
        case when u.id is null then null else json_build_object('id', u.id, 'name', u.name) end as actor
      from history h left join users u on u.id = h.actor_id
      where h.entity_type = 'handover' and h.entity_id = ${handoverId} and h.action <> 'item_updated'
      order by h.id limit 100`),
  );
}
