import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { visibleTo } from './customers.policy.ts';
import { customers } from './customers.tables.ts';

/**
 * What other modules may ask of customers (issue 9: they never query customers, contracts or
 * invoices themselves): `{id, number, name}` references, scope subqueries, a card subquery to join
 * in their lists, and intent-level reads and writes of one statement each. Visibility stays the
 * policy's (customers.policy.ts).
 */

const rows = <T>(r: unknown) => r as T[];
const uuidList = (ids: readonly string[]) => (ids.length ? sql`array[${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)}]` : sql`'{}'::uuid[]`);

// ── fragments ────────────────────────────────────────────────────────────────────────────────
/** `{id, number, name}` of the customer in `customerId` (a column or value), or null. */
export const customerRef = (customerId: SQL) =>
  sql<{ id: string; number: string; name: string } | null>`(select json_build_object('id', c.id, 'number', c.number, 'name', c.name) from customers c where c.id = ${customerId})`;

/** The name of the customer in `customerId`. */
export const customerName = (customerId: SQL) => sql<string>`(select c.name from customers c where c.id = ${customerId})`;

/** The owner of the customer in `customerId` (null when unowned). */
export const customerOwner = (customerId: SQL) => sql<string | null>`(select c.owner_id from customers c where c.id = ${customerId})`;

/**
 * A subquery to join in another module's list (`.innerJoin(card, eq(card.id, …))`): the customer
 * fields a list shows, narrowed by the filters the list offers. No visibility: the joining module
 * applies its own scope (e.g. the pool is shared; handovers filter by `customerIdsVisibleTo`).
 */
export function customerCards(f: { unowned?: boolean; level?: string; q?: string } = {}) {
  const where: SQL[] = [];
  if (f.unowned) where.push(isNull(customers.ownerId));
  if (f.level) where.push(eq(customers.level, f.level));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // The stored search columns and their trigram indexes (customers.tables.ts); the name is matched
    // folded, so "nguyen" finds "Nguyễn" and "NGUYEN" alike.
    where.push(sql`(${customers.searchText} like search_fold(${like}) or (${customers.searchIds} ilike ${like} and ${customers.number} ilike ${like}))`);
  }
  return new QueryBuilder()
    .select({
      id: customers.id,
      number: customers.number,
      name: customers.name,
      type: customers.type,
      level: customers.level,
      status: customers.status,
      email: customers.email,
      country: customers.country,
      ownerId: customers.ownerId,
      teamId: customers.teamId,
      lastContactAt: customers.lastContactAt,
    })
    .from(customers)
    .where(and(...where))
    .as('customer_card');
}

export { customerIdsVisibleTo, isCustomerVisibleTo } from './customers.policy.ts';

// ── reads ────────────────────────────────────────────────────────────────────────────────────
/** The customer's own address: where a ticket without a portal requester is answered. */
export async function customerMailAddress(db: Db, id: string) {
  const [row] = await db.select({ name: customers.name, email: customers.email, country: customers.country }).from(customers).where(eq(customers.id, id));
  return row ?? null;
}

/** Contact fields of these customers, those the actor sees (invisible ones are missing). */
export async function customerContactsVisibleTo(db: Db, customerIds: readonly string[], actor: Actor) {
  if (!customerIds.length) return [];
  return db
    .select({ id: customers.id, name: customers.name, phone: customers.phone, email: customers.email })
    .from(customers)
    .where(and(sql`${customers.id} = any(${uuidList(customerIds)})`, visibleTo(actor)));
}

/** customerContactsVisibleTo for one customer as one json value (null when not visible): for a request's lookups in one statement. */
export const customerContactJson = (customerId: string, actor: Actor): SQL<{ id: string; name: string; phone: string | null; email: string | null } | null> =>
  sql`(select json_build_object('id', ${customers.id}, 'name', ${customers.name}, 'phone', ${customers.phone}, 'email', ${customers.email})
    from ${customers} where ${customers.id} = ${customerId}::uuid and ${visibleTo(actor)})`;

/** How many active (not INACTIVE) customers a user owns: the pool's holding limit. */
export async function countCustomersHeldBy(db: Db, userId: string): Promise<number> {
  const [row] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from customers where owner_id = ${userId} and status <> 'INACTIVE'`));
  return row.n;
}

/** Customers a user owns that a handover should move (inactive ones stay where they are). */
export async function customersOwnedBy(db: Db, userId: string) {
  return rows<{ id: string; number: string; name: string }>(
    await db.execute(sql`select id, number, name from customers where owner_id = ${userId} and status <> 'INACTIVE' order by number`),
  );
}

/** What a handover checklist says about a customer: its contact, active contracts and open invoices. */
export async function customerHandoverFacts(db: Db, customerId: string) {
  const [customer] = rows<{ number: string; name: string; email: string | null; phone: string | null; level: string; status: string }>(
    await db.execute(sql`select number, name, email, coalesce(phone, mobile) as phone, level, status from customers where id = ${customerId}`),
  );
  const activeContracts = rows<{ label: string }>(
    await db.execute(sql`select number || ' ' || title || ' (' || to_char(value, 'FM999,999,999,999,990.00') || ' ' || currency || coalesce(', until ' || end_date::text, '') || ')' as label
      from contracts where customer_id = ${customerId} and status = 'ACTIVE' order by number`),
  );
  const openInvoices = rows<{ label: string }>(
    await db.execute(sql`select number || ': ' || to_char(amount - paid_amount, 'FM999,999,999,999,990.00') || ' ' || currency || ' open' || coalesce(', due ' || due_date::text, '') as label
      from invoices where customer_id = ${customerId} and status not in ('PAID', 'CANCELLED', 'DRAFT') and amount > paid_amount order by number`),
  );
  return { customer, contracts: activeContracts, invoices: openInvoices };
}

// ── writes (the caller's transaction; the caller records history) ────────────────────────────
/** Gives a customer a new owner. */
export async function setCustomerOwner(db: Db, customerId: string, ownerId: string): Promise<void> {
  await db.update(customers).set({ ownerId, version: sql`${customers.version} + 1`, updatedAt: sql`now()` }).where(eq(customers.id, customerId));
}

/** Clears the owners of these customers (they enter the pool). */
export async function clearCustomerOwners(db: Db, customerIds: readonly string[]): Promise<void> {
  if (!customerIds.length) return;
  await db.execute(sql`update customers set owner_id = null, version = version + 1, updated_at = now() where id = any(${uuidList(customerIds)})`);
}

/** A handover's transfer: the customer and its open contracts go to the new owner; returns the contracts moved. */
export async function transferCustomer(db: Db, customerId: string, toOwnerId: string) {
  await setCustomerOwner(db, customerId, toOwnerId);
  return rows<{ id: string; number: string; ownerId: string | null }>(
    await db.execute(sql`update contracts c set owner_id = ${toOwnerId}, version = c.version + 1, updated_at = now()
      from (select id, owner_id from contracts where customer_id = ${customerId} and status in ('DRAFT', 'ACTIVE') for update) old
      where c.id = old.id returning c.id, c.number, old.owner_id as "ownerId"`),
  );
}

// ── the pool's nightly sweep ─────────────────────────────────────────────────────────────────
export interface IdleCustomer {
  id: string;
  number: string;
  name: string;
  ownerId: string | null;
  teamId: string | null;
  status: string;
}

/**
 * UNSCOPED on purpose: the pool's nightly recycling runs as no actor over every owned customer.
 * Owned, active customers without follow-up for `days` days and none planned ahead, locked with
 * SKIP LOCKED (a second run takes other rows or none). The caller adds what it knows of follow-ups
 * and exclusions as expressions of the customer id (`lastFollowUps`: other timestamps that count as
 * a follow-up, e.g. leaving the pool or a completed handover; `excluded`: e.g. an open handover).
 */
export async function unsafeLockIdleCustomers(
  db: Db,
  v: { days: number; limit: number; lastFollowUps: (customerId: SQL) => SQL[]; excluded: (customerId: SQL) => SQL },
): Promise<IdleCustomer[]> {
  const id = sql.raw('c.id');
  const followUps = v.lastFollowUps(id).map((e) => sql`coalesce(${e}, '-infinity'::timestamptz)`);
  const lastFollowUp = sql`greatest(${sql.join([sql`coalesce(c.last_contact_at, c.created_at)`, ...followUps], sql`, `)})`;
  return rows<IdleCustomer>(
    await db.execute(sql`
    select c.id, c.number, c.name, c.owner_id as "ownerId", c.team_id as "teamId", c.status
    from customers c
    where c.owner_id is not null and c.status <> 'INACTIVE'
      and (c.next_contact_at is null or c.next_contact_at < now())
      and ${lastFollowUp} < now() - make_interval(days => ${v.days})
      and not (${v.excluded(id)})
    order by c.id
    limit ${v.limit}
    for update of c skip locked`),
  );
}
