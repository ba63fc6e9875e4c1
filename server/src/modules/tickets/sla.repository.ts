import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { activeUserIds } from '../identity/index.ts';
import type { SlaPolicy } from './sla.ts';
import { ticketComponentStaff, ticketSlaPolicies, tickets } from './tickets.tables.ts';

// ── policies ─────────────────────────────────────────────────────────────────────────────────
const policyColumns = {
  priority: ticketSlaPolicies.priority,
  firstResponseMinutes: ticketSlaPolicies.firstResponseMinutes,
  resolutionMinutes: ticketSlaPolicies.resolutionMinutes,
  warnBeforeMinutes: ticketSlaPolicies.warnBeforeMinutes,
  businessHours: ticketSlaPolicies.businessHours,
  timeZone: ticketSlaPolicies.timeZone,
  active: ticketSlaPolicies.active,
  version: ticketSlaPolicies.version,
};
export type PolicyRow = SlaPolicy & { version: number };

export async function listPolicies(db: Db): Promise<PolicyRow[]> {
  return db.select(policyColumns).from(ticketSlaPolicies).orderBy(asc(ticketSlaPolicies.priority));
}

export async function findPolicy(db: Db, priority: number): Promise<PolicyRow | null> {
  const [row] = await db.select(policyColumns).from(ticketSlaPolicies).where(eq(ticketSlaPolicies.priority, priority));
  return row ?? null;
}

/** findPolicy as one json value (null for none): for a request's lookups in one statement. */
export const policyJson = (priority: number): SQL<SlaPolicy | null> =>
  sql`(select json_build_object('priority', p.priority, 'firstResponseMinutes', p.first_response_minutes, 'resolutionMinutes', p.resolution_minutes,
      'warnBeforeMinutes', p.warn_before_minutes, 'businessHours', p.business_hours, 'timeZone', p.time_zone, 'active', p.active)
    from ticket_sla_policies p where p.priority = ${priority}::int)`;

export async function updatePolicy(db: Db, priority: number, version: number, values: Omit<SlaPolicy, 'priority'>): Promise<boolean> {
  const rows = await db
    .update(ticketSlaPolicies)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${ticketSlaPolicies.version} + 1` })
    .where(and(eq(ticketSlaPolicies.priority, priority), eq(ticketSlaPolicies.version, version)))
    .returning({ priority: ticketSlaPolicies.priority });
  return rows.length > 0;
}

// ── a ticket's targets ───────────────────────────────────────────────────────────────────────
export async function slaState(db: Db, ticketId: string) {
  const [row] = await db
    .select({
      createdAt: tickets.createdAt,
      priority: tickets.priority,
      firstResponseAt: tickets.firstResponseAt,
      firstResponseBreachedAt: tickets.firstResponseBreachedAt,
      resolutionBreachedAt: tickets.resolutionBreachedAt,
    })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  return row ?? null;
}

/** Due dates are the sweep's inputs, not the ticket's editable fields: no version bump. */
export async function setTargets(db: Db, ticketId: string, values: Partial<typeof tickets.$inferInsert>) {
  await db.update(tickets).set(values).where(eq(tickets.id, ticketId));
}

// ── sweep claims: one UPDATE … WHERE … RETURNING each, so a rerun or a second process claims nothing twice ──
const open = sql`${tickets.status} not in ('resolved', 'closed')`;
// The policy's own priority column would capture a bare name: the ticket's is named in full.
const warnBefore = (due: SQL | typeof tickets.firstResponseDueAt) =>
  sql`${due} - make_interval(mins => coalesce((select p.warn_before_minutes from ticket_sla_policies p where p.priority = "tickets"."priority"), 0))`;

const firstResponsePending = and(sql`${tickets.firstResponseAt} is null`, sql`${tickets.firstResponseBreachedAt} is null`, open)!;
const resolutionPending = and(sql`${tickets.resolutionBreachedAt} is null`, open)!;

/**
 * At most one warning per target: the first-response warning needs no earlier warning; the
 * resolution warning needs none since its own window opened (an earlier one was for the first response).
 */
const warnable = sql`(
  (${firstResponsePending} and ${tickets.slaWarnedAt} is null and ${tickets.firstResponseDueAt} > now() and ${warnBefore(tickets.firstResponseDueAt)} <= now())
  or (${resolutionPending} and ${tickets.resolutionDueAt} > now() and ${warnBefore(tickets.resolutionDueAt)} <= now()
      and (${tickets.slaWarnedAt} is null or ${tickets.slaWarnedAt} < ${warnBefore(tickets.resolutionDueAt)})))`;

const claimed = {
  id: tickets.id,
  number: tickets.number,
  title: tickets.title,
  processorId: tickets.processorId,
  componentId: tickets.componentId,
  firstResponseAt: tickets.firstResponseAt,
  firstResponseDueAt: tickets.firstResponseDueAt,
  resolutionDueAt: tickets.resolutionDueAt,
  version: tickets.version,
};
export type ClaimedTicket = { id: string; number: string; title: string; processorId: string | null; componentId: string | null; firstResponseAt: Date | null; firstResponseDueAt: Date | null; resolutionDueAt: Date | null; version: number };

async function claim(db: Db, where: SQL, set: Partial<typeof tickets.$inferInsert>, orderBy: SQL | typeof tickets.createdAt, limit: number): Promise<ClaimedTicket[]> {
  return db
    .update(tickets)
    .set(set)
    .where(inArray(tickets.id, db.select({ id: tickets.id }).from(tickets).where(where).orderBy(orderBy).limit(limit).for('update', { skipLocked: true })))
    .returning(claimed);
}

export const claimWarnings = (db: Db, limit: number) => claim(db, warnable, { slaWarnedAt: sql`now()` as unknown as Date }, tickets.createdAt, limit);

export const claimFirstResponseBreaches = (db: Db, limit: number) =>
  claim(db, and(firstResponsePending, sql`${tickets.firstResponseDueAt} <= now()`)!, { firstResponseBreachedAt: sql`now()` as unknown as Date }, sql`${tickets.firstResponseDueAt}`, limit);

export const claimResolutionBreaches = (db: Db, limit: number) =>
  claim(db, and(resolutionPending, sql`${tickets.resolutionDueAt} <= now()`)!, { resolutionBreachedAt: sql`now()` as unknown as Date }, sql`${tickets.resolutionDueAt}`, limit);

/** The active managers of each component (TKT-7/9: who hears about unassigned tickets). */
export async function componentManagers(db: Db, componentIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!componentIds.length) return map;
  const rows = await db
    .select({ componentId: ticketComponentStaff.componentId, userId: ticketComponentStaff.userId })
    .from(ticketComponentStaff)
    .where(and(inArray(ticketComponentStaff.componentId, componentIds), eq(ticketComponentStaff.role, 'manager'), sql`${ticketComponentStaff.userId} in ${activeUserIds()}`));
  for (const r of rows) map.set(r.componentId, [...(map.get(r.componentId) ?? []), r.userId]);
  return map;
}
