import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ticketRelations, tickets } from './tickets.tables.ts';

const open = sql`${tickets.status} not in ('resolved', 'closed')`;

// ── TKT-6 auto-close ─────────────────────────────────────────────────────────────────────────
/** Closes (and so claims) tickets waiting on the customer with no activity for `days`: one UPDATE … RETURNING. */
export async function closeStaleWaiting(db: Db, days: number, limit: number) {
  const stale = db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.status, 'waiting_on_customer'), sql`${tickets.lastActivityAt} < now() - make_interval(days => ${days}::int)`))
    .orderBy(asc(tickets.lastActivityAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(tickets)
    .set({ status: 'closed', closedAt: sql`now()`, lastActivityAt: sql`now()`, updatedAt: sql`now()`, version: sql`${tickets.version} + 1` })
    .where(and(inArray(tickets.id, stale), eq(tickets.status, 'waiting_on_customer')))
    .returning({ id: tickets.id, number: tickets.number, title: tickets.title, requesterId: tickets.requesterId, customerId: tickets.customerId, version: tickets.version });
}

// ── TKT-10 follow-up reminders ───────────────────────────────────────────────────────────────
/** Stamps (and so claims) due follow-ups of open tickets with a processor. */
export async function claimDueFollowUps(db: Db, limit: number) {
  const due = db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(sql`${tickets.followUpAt} is not null`, sql`${tickets.followUpRemindedAt} is null`, sql`${tickets.followUpAt} <= now()`, sql`${tickets.processorId} is not null`, open))
    .orderBy(asc(tickets.followUpAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(tickets)
    .set({ followUpRemindedAt: sql`now()` })
    .where(inArray(tickets.id, due))
    .returning({ id: tickets.id, number: tickets.number, title: tickets.title, processorId: tickets.processorId, followUpAt: tickets.followUpAt });
}

// ── TKT-10 consolidation ─────────────────────────────────────────────────────────────────────
const mergeable = and(open, sql`${tickets.mergedIntoId} is null`, sql`${tickets.source} <> 'bulk'`)!;

/** Customer + source pairs with at least two mergeable, similarly titled tickets created within `hours` of each other. */
export async function duplicateGroups(db: Db, hours: number, minSimilarity: number, limit: number) {
  const rows = (await db.execute<{ customer_id: string; source: string }>(sql`
    select distinct t.customer_id, t.source from tickets t
    where t.status not in ('resolved', 'closed') and t.merged_into_id is null and t.source <> 'bulk'
      and exists (select 1 from tickets o where o.customer_id = t.customer_id and o.source = t.source
        and o.status not in ('resolved', 'closed') and o.merged_into_id is null
        and (o.created_at, o.id) > (t.created_at, t.id) and o.created_at <= t.created_at + make_interval(hours => ${hours}::int)
        and similarity(search_fold(o.title), search_fold(t.title)) >= ${minSimilarity}::real)
    limit ${limit}`)) as unknown as { customer_id: string; source: string }[];
  return rows.map((r) => ({ customerId: r.customer_id, source: r.source }));
}

/** The group's mergeable tickets, oldest first, locked for the merging transaction. */
export async function lockGroup(db: Db, customerId: string, source: string) {
  return db
    .select({ id: tickets.id, number: tickets.number, title: tickets.title, status: tickets.status, createdAt: tickets.createdAt, version: tickets.version })
    .from(tickets)
    .where(and(eq(tickets.customerId, customerId), eq(tickets.source, source), mergeable))
    .orderBy(asc(tickets.createdAt), asc(tickets.id))
    .for('update');
}

/** Closes the duplicate into the survivor; false when it changed under us (then nothing is written). */
export async function mergeInto(db: Db, duplicateId: string, survivorId: string) {
  const rows = await db
    .update(tickets)
    .set({ status: 'closed', closedAt: sql`now()`, mergedIntoId: survivorId, lastActivityAt: sql`now()`, updatedAt: sql`now()`, version: sql`${tickets.version} + 1` })
    .where(and(eq(tickets.id, duplicateId), mergeable))
    .returning({ version: tickets.version });
  if (!rows.length) return null;
  await db
    .insert(ticketRelations)
    .values({ ticketId: duplicateId, relatedId: survivorId, kind: 'duplicate_of' })
    .onConflictDoUpdate({ target: [ticketRelations.ticketId, ticketRelations.relatedId], set: { kind: 'duplicate_of' } });
  return rows[0].version;
}
