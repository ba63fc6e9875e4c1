import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { exactTimestamp } from '../../platform/db/keyset.ts';
import { namesCustomerNumber } from '../../platform/http/common-schemas.ts';
import { customers } from '../customers/index.ts';
import { poolEntries } from './pool.tables.ts';

export interface PoolCustomer {
  id: string;
  number: string;
  name: string;
  ownerId: string | null;
  teamId: string | null;
  status: string;
}

const customerCols = { id: customers.id, number: customers.number, name: customers.name, ownerId: customers.ownerId, teamId: customers.teamId, status: customers.status };
const byIdOrNumber = (idOrNumber: string) =>
  namesCustomerNumber(idOrNumber) ? eq(customers.number, idOrNumber.toUpperCase()) : eq(customers.id, idOrNumber);

/** The customer row, locked: a recycle, claim or assignment of one customer queue up behind each other. */
export async function lockCustomer(db: Db, idOrNumber: string, visible: SQL): Promise<PoolCustomer | null> {
  const [row] = await db.select(customerCols).from(customers).where(and(byIdOrNumber(idOrNumber), visible)).for('update', { of: customers });
  return row ?? null;
}

/**
 * The last follow-up of a customer: the latest contact, or when it was created, taken it out of the
 * pool or handed over — a customer just claimed must not fall back into the pool the next night.
 */
const lastFollowUp = sql`greatest(coalesce(c.last_contact_at, c.created_at),
  coalesce((select max(p.left_at) from pool_entries p where p.customer_id = c.id), '-infinity'::timestamptz),
  coalesce((select max(h.completed_at) from handovers h where h.customer_id = c.id), '-infinity'::timestamptz))`;

/**
 * Owned customers without follow-up for `days` days and none planned ahead, not being handed over.
 * Locked with SKIP LOCKED: a second run (another process) takes other rows or none.
 */
export async function lockRecycleCandidates(db: Db, days: number, limit: number): Promise<PoolCustomer[]> {
  return (await db.execute(sql`
    select c.id, c.number, c.name, c.owner_id as "ownerId", c.team_id as "teamId", c.status
    from customers c
    where c.owner_id is not null and c.status <> 'INACTIVE'
      and (c.next_contact_at is null or c.next_contact_at < now())
      and ${lastFollowUp} < now() - make_interval(days => ${days})
      and not exists (select 1 from handovers h where h.customer_id = c.id and h.stage <> 'completed')
    order by c.id
    limit ${limit}
    for update of c skip locked`)) as unknown as PoolCustomer[];
}

export async function hasOpenHandover(db: Db, customerId: string): Promise<boolean> {
  const rows = (await db.execute(sql`select 1 from handovers where customer_id = ${customerId} and stage <> 'completed' limit 1`)) as unknown[];
  return rows.length > 0;
}

/** Opens pool stays and clears the owners, in the caller's transaction. */
export async function enterPool(
  db: Db,
  rows: PoolCustomer[],
  v: { reason: 'inactive_days' | 'manual'; note: string | null; recycledBy: string | null },
): Promise<void> {
  if (!rows.length) return;
  const ids = sql.join(rows.map((r) => sql`${r.id}::uuid`), sql`, `);
  // A stay left open although the customer got an owner elsewhere (customers' own assign): close it
  // as assigned to that owner, so the customer can enter the pool again.
  await db.execute(sql`update pool_entries p set status = 'assigned', taken_by = c.owner_id, left_at = now()
    from customers c where c.id = p.customer_id and p.status = 'available' and c.owner_id is not null and p.customer_id in (${ids})`);
  await db.insert(poolEntries).values(
    rows.map((c) => ({ customerId: c.id, originalOwnerId: c.ownerId, originalTeamId: c.teamId, reason: v.reason, note: v.note, recycledBy: v.recycledBy })),
  );
  await db.execute(sql`update customers set owner_id = null, version = version + 1, updated_at = now() where id in (${ids})`);
}

/**
 * Takes the customer out of the pool: one statement that only succeeds while the stay is still
 * open, so of two concurrent claims exactly one gets a row back.
 */
export async function leavePool(db: Db, customerId: string, v: { status: 'claimed' | 'assigned'; takenBy: string; decidedBy: string }) {
  const [row] = await db
    .update(poolEntries)
    .set({ status: v.status, takenBy: v.takenBy, decidedBy: v.decidedBy, leftAt: sql`now()` })
    .where(and(eq(poolEntries.customerId, customerId), eq(poolEntries.status, 'available')))
    .returning({ id: poolEntries.id, originalOwnerId: poolEntries.originalOwnerId, enteredAt: poolEntries.enteredAt });
  return row ?? null;
}

export async function setOwner(db: Db, customerId: string, ownerId: string): Promise<void> {
  await db.update(customers).set({ ownerId, version: sql`${customers.version} + 1`, updatedAt: sql`now()` }).where(eq(customers.id, customerId));
}

export async function openEntryOf(db: Db, customerId: string) {
  const [row] = await db
    .select({ id: poolEntries.id, originalOwnerId: poolEntries.originalOwnerId, enteredAt: poolEntries.enteredAt })
    .from(poolEntries)
    .where(and(eq(poolEntries.customerId, customerId), eq(poolEntries.status, 'available')));
  return row ?? null;
}

/** Serialises one user's claims, so two parallel claims cannot both pass the holding limit. */
export async function lockUser(db: Db, userId: string): Promise<void> {
  await db.execute(sql`select id from users where id = ${userId} for update`);
}

export async function holdingCount(db: Db, userId: string): Promise<number> {
  const [row] = (await db.execute(sql`select count(*)::int as n from customers where owner_id = ${userId} and status <> 'INACTIVE'`)) as unknown as { n: number }[];
  return row.n;
}

/** Staff who may hold customers: active sales, managers and admins. */
export async function assignableUser(db: Db, userId: string) {
  const rows = (await db.execute(sql`select id, name from users where id = ${userId} and active and role in ('sales', 'manager', 'admin')`)) as unknown as { id: string; name: string }[];
  return rows[0] ?? null;
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────
const userName = (col: SQL) => sql<{ id: string; name: string } | null>`(select json_build_object('id', u.id, 'name', u.name) from users u where u.id = ${col})`;

export interface PoolListSpec {
  q?: string;
  reason?: 'inactive_days' | 'manual';
  originalOwnerId?: string;
  level?: string;
  after?: [string, string];
  limit: number;
}

/** Customers in the pool, newest stay first; keyset on (entered_at, entry id) behind a partial index. */
export async function listPool(db: Db, spec: PoolListSpec) {
  // A customer given an owner outside the pool (customers' assign) is no longer claimable.
  const where: SQL[] = [eq(poolEntries.status, 'available'), isNull(customers.ownerId)];
  if (spec.reason) where.push(eq(poolEntries.reason, spec.reason));
  if (spec.originalOwnerId) where.push(eq(poolEntries.originalOwnerId, spec.originalOwnerId));
  if (spec.level) where.push(eq(customers.level, spec.level));
  if (spec.q) {
    const like = `%${spec.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // The customers' stored search columns and their trigram indexes (customers.tables.ts); the name is
    // matched folded, so "nguyen" finds "Nguyễn" and "NGUYEN" alike.
    where.push(sql`(${customers.searchText} like search_fold(${like}) or (${customers.searchIds} ilike ${like} and ${customers.number} ilike ${like}))`);
  }
  if (spec.after) where.push(sql`(${poolEntries.enteredAt}, ${poolEntries.id}) < (${spec.after[0]}::timestamptz, ${spec.after[1]}::uuid)`);
  return db
    .select({
      entryId: poolEntries.id,
      reason: poolEntries.reason,
      note: poolEntries.note,
      enteredAt: poolEntries.enteredAt,
      cursorAt: exactTimestamp(poolEntries.enteredAt),
      originalOwner: userName(sql.raw('"pool_entries"."original_owner_id"')),
      customer: {
        id: customers.id,
        number: customers.number,
        name: customers.name,
        type: customers.type,
        level: customers.level,
        status: customers.status,
        country: customers.country,
        lastContactAt: customers.lastContactAt,
      },
    })
    .from(poolEntries)
    .innerJoin(customers, eq(customers.id, poolEntries.customerId))
    .where(and(...where))
    .orderBy(desc(poolEntries.enteredAt), desc(poolEntries.id))
    .limit(spec.limit + 1);
}

/** Every stay of one customer in the pool, newest first. */
export async function poolHistory(db: Db, customerId: string) {
  return db
    .select({
      id: poolEntries.id,
      reason: poolEntries.reason,
      note: poolEntries.note,
      status: poolEntries.status,
      enteredAt: poolEntries.enteredAt,
      leftAt: poolEntries.leftAt,
      originalOwner: userName(sql.raw('"pool_entries"."original_owner_id"')),
      recycledBy: userName(sql.raw('"pool_entries"."recycled_by"')),
      takenBy: userName(sql.raw('"pool_entries"."taken_by"')),
      decidedBy: userName(sql.raw('"pool_entries"."decided_by"')),
    })
    .from(poolEntries)
    .where(eq(poolEntries.customerId, customerId))
    .orderBy(desc(poolEntries.enteredAt), desc(poolEntries.id))
    .limit(200);
}
