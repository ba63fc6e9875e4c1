import { asc, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { outbox } from '../platform.tables.ts';

/** A domain event: recorded in the writer's transaction, delivered after commit by the dispatcher. */
export interface DomainEvent<P = Record<string, unknown>> {
  event: string;
  payload: P;
}

export async function recordEvent(tx: Db, event: string, payload: Record<string, unknown>): Promise<void> {
  await tx.insert(outbox).values({ event, payload });
}

export interface PendingEvent {
  id: number;
  event: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** The oldest undispatched events, locked for this transaction; rows another dispatcher holds are skipped. */
export async function lockPendingEvents(tx: Db, limit: number): Promise<PendingEvent[]> {
  const rows = await tx
    .select({ id: outbox.id, event: outbox.event, payload: outbox.payload, createdAt: outbox.createdAt })
    .from(outbox)
    .where(isNull(outbox.dispatchedAt))
    .orderBy(asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return rows as PendingEvent[];
}

export async function markDispatched(tx: Db, ids: number[]): Promise<void> {
  if (ids.length) await tx.update(outbox).set({ dispatchedAt: sql`now()` }).where(inArray(outbox.id, ids));
}

/** Dispatched events older than the retention are only noise: their deliveries are jobs of their own. */
export async function pruneDispatched(db: Db, olderThanDays: number): Promise<number> {
  const rows = await db
    .delete(outbox)
    .where(sql`${outbox.dispatchedAt} < now() - make_interval(days => ${olderThanDays})`)
    .returning({ id: outbox.id });
  return rows.length;
}
