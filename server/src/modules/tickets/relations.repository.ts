import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ticketRelations, tickets } from './tickets.tables.ts';

export type RelatedRow = { id: string; number: string; title: string; status: string; kind: string };

/** Either direction of a pair: a link is one row, whoever made it from which side. */
const pair = (a: string, b: string) =>
  or(and(eq(ticketRelations.ticketId, a), eq(ticketRelations.relatedId, b)), and(eq(ticketRelations.ticketId, b), eq(ticketRelations.relatedId, a)));

/**
 * TKT-1: the tickets linked to `ticketId` in both directions, in one statement. `visible` is
 * tickets.policy's filter on the joined (other) ticket, so a link to a ticket the caller cannot
 * see is simply not listed.
 */
export async function listRelated(db: Db, ticketId: string, visible: SQL): Promise<RelatedRow[]> {
  const other = sql`case when ${ticketRelations.ticketId} = ${ticketId}::uuid then ${ticketRelations.relatedId} else ${ticketRelations.ticketId} end`;
  return db
    .select({ id: tickets.id, number: tickets.number, title: tickets.title, status: tickets.status, kind: ticketRelations.kind })
    .from(ticketRelations)
    .innerJoin(tickets, eq(tickets.id, other))
    .where(and(or(eq(ticketRelations.ticketId, ticketId), eq(ticketRelations.relatedId, ticketId)), visible))
    .orderBy(tickets.number);
}

/** True when the pair was not linked yet (in neither direction) and is now. */
export async function link(db: Db, ticketId: string, relatedId: string): Promise<boolean> {
  const [existing] = await db.select({ kind: ticketRelations.kind }).from(ticketRelations).where(pair(ticketId, relatedId)).limit(1);
  if (existing) return false;
  const rows = await db.insert(ticketRelations).values({ ticketId, relatedId, kind: 'related' }).onConflictDoNothing().returning({ ticketId: ticketRelations.ticketId });
  return rows.length > 0;
}

/** Removes the pair's link whichever way it was made; false when there was none. */
export async function unlink(db: Db, ticketId: string, relatedId: string): Promise<boolean> {
  const rows = await db.delete(ticketRelations).where(pair(ticketId, relatedId)).returning({ ticketId: ticketRelations.ticketId });
  return rows.length > 0;
}
