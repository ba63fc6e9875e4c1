import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { idempotencyKeys } from '../platform.tables.ts';

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  /** The serialised payload; null when it was not text (then `raw` is what was sent, and nothing is kept). */
  body: string | null;
  raw?: unknown;
}

export interface EarlierRequest {
  fingerprint: string;
  response: StoredResponse;
}

/**
 * Takes the key for this transaction, or returns the request that took it within the last `ttlHours`.
 * An older use of the key has expired: it is deleted and the key taken afresh.
 */
export async function claim(tx: Db, claim: { ownerId: string; key: string; fingerprint: string }, ttlHours: number): Promise<EarlierRequest | null> {
  const { ownerId, key, fingerprint } = claim;
  await tx
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.ownerId, ownerId), eq(idempotencyKeys.key, key), lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${ttlHours})`)));
  // status 0 is never seen by anyone else: the row commits with the response (complete) or not at all.
  const taken = await tx.insert(idempotencyKeys).values({ ownerId, key, fingerprint, status: 0 }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  if (taken.length) return null;
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.ownerId, ownerId), eq(idempotencyKeys.key, key)));
  return { fingerprint: row.fingerprint, response: { status: row.status, headers: row.headers as Record<string, string>, body: row.body } };
}

export async function complete(tx: Db, ownerId: string, key: string, response: StoredResponse): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ status: response.status, headers: response.headers, body: response.body })
    .where(and(eq(idempotencyKeys.ownerId, ownerId), eq(idempotencyKeys.key, key)));
}

export async function release(tx: Db, ownerId: string, key: string): Promise<void> {
  await tx.delete(idempotencyKeys).where(and(eq(idempotencyKeys.ownerId, ownerId), eq(idempotencyKeys.key, key)));
}

/** Housekeeping: keys older than their lifetime answer nothing any more. */
export async function pruneIdempotencyKeys(db: Db, ttlHours: number): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${ttlHours})`))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}
