import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { customerRef } from '../customers/index.ts';
import { activeStaffIds, userName, userRef } from '../identity/index.ts';
import { exactTimestamp } from '../../platform/db/keyset.ts';
import { activities, activityParticipants } from './activities.tables.ts';

const outerId = sql.raw('"activities"."id"');
const outerOwner = sql.raw('"activities"."owner_id"');
const outerCustomer = sql.raw('"activities"."customer_id"');

export const activityColumns = {
  id: activities.id,
  type: activities.type,
  subject: activities.subject,
  description: activities.description,
  customerId: activities.customerId,
  customer: customerRef(outerCustomer),
  opportunityId: activities.opportunityId,
  ticketId: activities.ticketId,
  startAt: activities.startAt,
  endAt: activities.endAt,
  durationMinutes: activities.durationMinutes,
  allDay: activities.allDay,
  status: activities.status,
  priority: activities.priority,
  ownerId: activities.ownerId,
  owner: userRef(outerOwner),
  participants: sql<{ id: string; name: string }[]>`coalesce((select json_agg(${userRef(sql.raw('p.user_id'))} order by ${userName(sql.raw('p.user_id'))})
    from activity_participants p where p.activity_id = ${outerId}), '[]'::json)`,
  outcome: activities.outcome,
  nextSteps: activities.nextSteps,
  followUpAt: activities.followUpAt,
  completedAt: activities.completedAt,
  createdAt: activities.createdAt,
  updatedAt: activities.updatedAt,
  version: activities.version,
  cursorAt: exactTimestamp(activities.startAt),
};
export type ActivityRow = Awaited<ReturnType<typeof findActivity>> & {};

/** Whether the actor takes part: owner or participant. */
export const takesPart = (userId: string) =>
  sql`(${activities.ownerId} = ${userId} or exists (select 1 from activity_participants p where p.activity_id = ${activities.id} and p.user_id = ${userId}))`;

export async function findActivity(db: Db, id: string, visible: SQL) {
  const [row] = await db.select(activityColumns).from(activities).where(and(eq(activities.id, id), visible));
  return row ?? null;
}

export interface ActivityListSpec {
  where: SQL[];
  order: 'asc' | 'desc';
  after?: [string, string];
  limit: number;
}

/** Keyset on (start_at, id), both directions (calendar ascending, a customer's history descending). */
export async function listActivities(db: Db, spec: ActivityListSpec) {
  const where = [...spec.where];
  if (spec.after) {
    const cmp = spec.order === 'asc' ? sql`>` : sql`<`;
    where.push(sql`(${activities.startAt}, ${activities.id}) ${cmp} (${spec.after[0]}::timestamptz, ${spec.after[1]}::uuid)`);
  }
  const dir = spec.order === 'asc' ? asc : desc;
  return db.select(activityColumns).from(activities).where(and(...where)).orderBy(dir(activities.startAt), dir(activities.id)).limit(spec.limit + 1);
}

/** My day: open activities from before today (overdue) first, then everything of today, by time. */
export async function myDay(db: Db, userId: string, timeZone: string, limit: number) {
  const dayStart = sql`(date_trunc('day', now() at time zone ${timeZone}) at time zone ${timeZone})`;
  const overdue = sql<boolean>`(${activities.startAt} < ${dayStart} and ${activities.status} in ('PLANNED', 'IN_PROGRESS'))`;
  const rows = await db
    .select({ ...activityColumns, overdue, date: sql<string>`to_char(now() at time zone ${timeZone}, 'YYYY-MM-DD')` })
    .from(activities)
    .where(and(takesPart(userId), sql`(${overdue} or (${activities.startAt} >= ${dayStart} and ${activities.startAt} < ${dayStart} + interval '1 day'))`))
    .orderBy(desc(overdue), asc(activities.startAt), asc(activities.id))
    .limit(limit);
  return rows;
}

export async function insertActivity(db: Db, values: typeof activities.$inferInsert) {
  const [row] = await db.insert(activities).values(values).returning({ id: activities.id });
  return row.id;
}

/** insertActivity as SQL, for a write another module sends as part of its own statement (CustomerContribution.onCreated). */
export function insertActivitySql(db: Db, values: typeof activities.$inferInsert): SQL {
  return db.insert(activities).values(values).getSQL();
}

export async function updateActivity(db: Db, id: string, version: number, values: Partial<typeof activities.$inferInsert>) {
  const [row] = await db
    .update(activities)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${activities.version} + 1` })
    .where(and(eq(activities.id, id), eq(activities.version, version)))
    .returning({ id: activities.id });
  return row ?? null;
}

export async function participantIdsOf(db: Db, activityId: string) {
  const rows = await db.select({ userId: activityParticipants.userId }).from(activityParticipants).where(eq(activityParticipants.activityId, activityId));
  return rows.map((r) => r.userId);
}

export async function setParticipants(db: Db, activityId: string, userIds: string[]) {
  await db.delete(activityParticipants).where(eq(activityParticipants.activityId, activityId));
  if (userIds.length) await db.insert(activityParticipants).values(userIds.map((userId) => ({ activityId, userId })));
}

/** Which of these ids are active staff users (owners and participants are people who can attend). */
export async function activeStaff(db: Db, ids: string[]) {
  return activeStaffIds(db, ids);
}

/**
 * Claims the activities starting within the next `minutes` that were not reminded yet, marking them
 * in the same statement: a second run, or another process, finds nothing to send again.
 */
export async function claimDueReminders(db: Db, minutes: number, limit: number) {
  return db
    .update(activities)
    .set({ remindedAt: sql`now()` })
    .where(
      inArray(
        activities.id,
        db
          .select({ id: activities.id })
          .from(activities)
          .where(
            and(
              sql`${activities.remindedAt} is null`,
              inArray(activities.status, ['PLANNED', 'IN_PROGRESS']),
              eq(activities.allDay, false),
              gte(activities.startAt, sql`now() - interval '5 minutes'`),
              lt(activities.startAt, sql`now() + make_interval(mins => ${minutes})`),
            ),
          )
          .orderBy(asc(activities.startAt))
          .limit(limit)
          .for('update', { skipLocked: true }),
      ),
    )
    .returning({ id: activities.id, ownerId: activities.ownerId, subject: activities.subject, type: activities.type, startAt: activities.startAt });
}

/** A handover's transfer (CUS-6): the leaving owner's open activities of the customer go to the new owner. */
export async function transferOpenActivities(db: Db, customerId: string, fromOwnerId: string, toOwnerId: string) {
  return (await db.execute(sql`update activities set owner_id = ${toOwnerId}, version = version + 1, updated_at = now()
      where customer_id = ${customerId} and owner_id = ${fromOwnerId} and status in ('PLANNED', 'IN_PROGRESS') returning id, subject`)) as unknown as { id: string; subject: string }[];
}
