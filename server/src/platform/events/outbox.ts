import { asc, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { outbox } from '../platform.tables.ts';
import { type EventInput, type EventName, validPayload, validPayloadWithout } from './catalogue.ts';

/**
 * Records a domain event in the writer's transaction; the dispatcher delivers it after commit. Only a
 * catalogued event with a payload its schema accepts is written: anything else throws
 * (EventPayloadError), so the transaction rolls back and nothing of it is kept.
 */
export async function recordEvent<N extends EventName>(tx: Db, event: N, payload: EventInput<N>): Promise<void> {
  await tx.insert(outbox).values({ event, payload: validPayload(event, payload) });
}

/**
 * recordEvent as an SQL fragment, for a writer that sends its record, history and event as ONE
 * statement (a CTE of it: platform/db/one-statement.ts): `filled` are payload fields the statement
 * computes from the row it writes (`{ number: sql\`tickets.number\` }`), selected `from` that CTE;
 * the rest of the payload is checked against the event's schema here, before anything is sent.
 */
export function eventInsert<N extends EventName, F extends keyof EventInput<N> & string = never>(event: N, payload: Omit<EventInput<N>, F>, filled: Record<F, SQL>, from?: SQL): SQL {
  const checked = validPayloadWithout(event, payload, Object.keys(filled));
  const extra = Object.entries<SQL>(filled).map(([key, value]) => sql`${key}::text, ${value}`);
  const body = extra.length ? sql`${JSON.stringify(checked)}::jsonb || jsonb_build_object(${sql.join(extra, sql`, `)})` : sql`${JSON.stringify(checked)}::jsonb`;
  return sql`insert into outbox (event, payload) select ${event}::text, ${body}${from ? sql` from ${from}` : sql``}`;
}

/**
 * The same event for many records (bulk paths: one row per record) in ONE insert statement, in the
 * given order (the dispatcher delivers by outbox id). Every payload is checked first: one invalid
 * payload writes none of them.
 */
export async function recordEvents<N extends EventName>(tx: Db, event: N, payloads: readonly EventInput<N>[]): Promise<void> {
  if (!payloads.length) return;
  const rows = payloads.map((p) => validPayload(event, p));
  await tx.execute(sql`insert into outbox (event, payload)
    select ${event}::text, e.payload from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality as e(payload, ord)
    order by e.ord`);
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

/**
 * Marks every pending event that none of `subscribed` names as dispatched, in one statement: an event
 * nobody listens to needs no delivery, and a bulk import's thousands of them then cost one statement
 * instead of a locking batch per hundred. Rows another dispatcher holds are skipped.
 */
export async function markUnheard(tx: Db, subscribed: string[]): Promise<number> {
  const rows = (await tx.execute(sql`update outbox set dispatched_at = now() where id in (
      select id from outbox where dispatched_at is null and event <> all(${`{${subscribed.join(',')}}`}::text[]) for update skip locked)
    returning id`)) as unknown as { id: number }[];
  return rows.length;
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
