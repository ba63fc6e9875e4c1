import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { isActiveStaffSql, userName } from '../identity/index.ts';
import { ticketComponentStaff, ticketComponents, tickets } from './tickets.tables.ts';

const waiting = and(isNull(tickets.processorId), eq(tickets.status, 'new'), isNull(tickets.mergedIntoId))!;

/** Active components that hand out tickets and have some waiting. */
export async function componentsToDistribute(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: ticketComponents.id })
    .from(ticketComponents)
    .where(and(eq(ticketComponents.active, true), sql`${ticketComponents.distribution} <> 'manual'`, sql`exists (select 1 from tickets t where t.component_id = "ticket_components"."id" and t.processor_id is null and t.status = 'new')`))
    .orderBy(asc(ticketComponents.key));
  return rows.map((r) => r.id);
}

/** Whether a component hands out tickets at all: a lock-free read, so manual queues cost creation nothing. */
export async function distributes(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: ticketComponents.id }).from(ticketComponents).where(and(eq(ticketComponents.id, id), eq(ticketComponents.active, true), sql`${ticketComponents.distribution} <> 'manual'`));
  return Boolean(row);
}

/** The component row, locked: one distributor per component at a time, across processes. */
export async function lockComponent(db: Db, id: string) {
  const [row] = await db
    .select({ id: ticketComponents.id, active: ticketComponents.active, distribution: ticketComponents.distribution, lastAssignedUserId: ticketComponents.lastAssignedUserId })
    .from(ticketComponents)
    .where(eq(ticketComponents.id, id))
    .for('update');
  return row ?? null;
}

/**
 * The component's agents in the stable round-robin order (name, id), each marked eligible when
 * available and an active staff user. Ineligible ones stay in the list so the pointer keeps its place.
 */
export async function componentAgents(db: Db, componentId: string) {
  const rows = (await db.execute<{ user_id: string; name: string; eligible: boolean }>(sql`
    select s.user_id, ${userName(sql.raw('s.user_id'))} as name, (s.available and ${isActiveStaffSql(sql.raw('s.user_id'))}) as eligible
    from ticket_component_staff s
    where s.component_id = ${componentId}::uuid and s.role = 'agent'
    order by 2, s.user_id`)) as unknown as { user_id: string; name: string; eligible: boolean }[];
  return rows.map((r) => ({ userId: r.user_id, name: r.name, eligible: r.eligible }));
}

/** Waiting tickets, oldest first; rows another distributor holds are skipped. */
export async function lockWaitingTickets(db: Db, componentId: string, limit: number) {
  return db
    .select({ id: tickets.id, number: tickets.number, title: tickets.title })
    .from(tickets)
    .where(and(eq(tickets.componentId, componentId), waiting))
    .orderBy(asc(tickets.createdAt), asc(tickets.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Open (not resolved/closed) tickets each user processes, across all components. */
export async function openLoads(db: Db, userIds: string[]): Promise<Map<string, number>> {
  const loads = new Map(userIds.map((id) => [id, 0]));
  if (!userIds.length) return loads;
  const rows = await db
    .select({ userId: tickets.processorId, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(inArray(tickets.processorId, userIds), sql`${tickets.status} not in ('resolved', 'closed')`))
    .groupBy(tickets.processorId);
  for (const r of rows) loads.set(r.userId!, r.n);
  return loads;
}

/** Gives a waiting ticket its processor; null when someone else already took it. */
export async function assignWaiting(db: Db, ticketId: string, userId: string): Promise<number | null> {
  const rows = await db
    .update(tickets)
    .set({ processorId: userId, status: 'in_progress', lastActivityAt: sql`now()`, updatedAt: sql`now()`, version: sql`${tickets.version} + 1` })
    .where(and(eq(tickets.id, ticketId), waiting))
    .returning({ version: tickets.version });
  return rows[0]?.version ?? null;
}

/** Moves the round-robin pointer. Not an admin edit of the component, so its version stays. */
export async function setLastAssigned(db: Db, componentId: string, userId: string) {
  await db.update(ticketComponents).set({ lastAssignedUserId: userId }).where(eq(ticketComponents.id, componentId));
}

/** The caller's own membership of a component, locked. */
export async function lockStaffMember(db: Db, componentId: string, userId: string) {
  const [row] = await db
    .select({ available: ticketComponentStaff.available, role: ticketComponentStaff.role })
    .from(ticketComponentStaff)
    .where(and(eq(ticketComponentStaff.componentId, componentId), eq(ticketComponentStaff.userId, userId)))
    .for('update');
  return row ?? null;
}

export async function setAvailable(db: Db, componentId: string, userId: string, available: boolean) {
  await db.update(ticketComponentStaff).set({ available }).where(and(eq(ticketComponentStaff.componentId, componentId), eq(ticketComponentStaff.userId, userId)));
}
