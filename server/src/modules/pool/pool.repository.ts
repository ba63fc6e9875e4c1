import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { exactTimestamp } from '../../platform/db/keyset.ts';
import {
  clearCustomerOwners,
  countCustomersHeldBy,
  customerCards,
  customerOwner,
  findCustomerForUpdate,
  type IdleCustomer,
  setCustomerOwner,
  unsafeLockIdleCustomers,
} from '../customers/index.ts';
import { customerHasOpenHandover, lastHandoverCompletedAt, openHandoverExists } from '../handover/index.ts';
import { customerHolder, lockUser as lockUserRow, userRef } from '../identity/index.ts';
import { poolEntries } from './pool.tables.ts';

export type PoolCustomer = IdleCustomer;

/** The customer row, locked: a recycle, claim or assignment of one customer queue up behind each other. */
export async function lockCustomer(db: Db, idOrNumber: string, visible: SQL): Promise<PoolCustomer | null> {
  const row = await findCustomerForUpdate(db, idOrNumber, visible);
  return row && { id: row.id, number: row.number, name: row.name, ownerId: row.ownerId, teamId: row.teamId, status: row.status };
}

/**
 * Owned customers without follow-up for `days` days and none planned ahead, not being handed over.
 * A follow-up is the latest contact, or when it was created, taken out of the pool or handed over —
 * a customer just claimed must not fall back into the pool the next night. Locked with SKIP LOCKED.
 */
export async function lockRecycleCandidates(db: Db, days: number, limit: number): Promise<PoolCustomer[]> {
  return unsafeLockIdleCustomers(db, {
    days,
    limit,
    lastFollowUps: (c) => [sql`(select max(p.left_at) from pool_entries p where p.customer_id = ${c})`, lastHandoverCompletedAt(c)],
    excluded: (c) => openHandoverExists(c),
  });
}

export async function hasOpenHandover(db: Db, customerId: string): Promise<boolean> {
  return customerHasOpenHandover(db, customerId);
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
  const owner = customerOwner(sql.raw('p.customer_id'));
  await db.execute(sql`update pool_entries p set status = 'assigned', taken_by = ${owner}, left_at = now()
    where p.status = 'available' and p.customer_id in (${ids}) and ${owner} is not null`);
  await db.insert(poolEntries).values(
    rows.map((c) => ({ customerId: c.id, originalOwnerId: c.ownerId, originalTeamId: c.teamId, reason: v.reason, note: v.note, recycledBy: v.recycledBy })),
  );
  await clearCustomerOwners(db, rows.map((r) => r.id));
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
  await setCustomerOwner(db, customerId, ownerId);
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
  await lockUserRow(db, userId);
}

export async function holdingCount(db: Db, userId: string): Promise<number> {
  return countCustomersHeldBy(db, userId);
}

/** Staff who may hold customers: active sales, managers and admins. */
export async function assignableUser(db: Db, userId: string) {
  const user = await customerHolder(db, userId);
  return user && { id: user.id, name: user.name };
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────
const userName = userRef;

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
  // A customer given an owner outside the pool (customers' assign) is no longer claimable; the level
  // and text filters are the customers' (their search columns and indexes).
  const card = customerCards({ unowned: true, level: spec.level, q: spec.q });
  const where: SQL[] = [eq(poolEntries.status, 'available')];
  if (spec.reason) where.push(eq(poolEntries.reason, spec.reason));
  if (spec.originalOwnerId) where.push(eq(poolEntries.originalOwnerId, spec.originalOwnerId));
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
        id: card.id,
        number: card.number,
        name: card.name,
        type: card.type,
        level: card.level,
        status: card.status,
        country: card.country,
        lastContactAt: card.lastContactAt,
      },
    })
    .from(poolEntries)
    .innerJoin(card, eq(card.id, poolEntries.customerId))
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
