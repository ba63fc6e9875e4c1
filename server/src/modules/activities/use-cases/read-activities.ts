import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { timeIdCursor } from '../../../platform/db/keyset.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { decodeCursor, page } from '../../../platform/http/pagination.ts';
import { customerVisibleTo, findCustomer } from '../../customers/index.ts';
import type { ListActivitiesQuery } from '../activities.contracts.ts';
import { visibleTo } from '../activities.policy.ts';
import { presentActivity } from '../activities.presenters.ts';
import * as repo from '../activities.repository.ts';
import { activities } from '../activities.tables.ts';

const MY_DAY_LIMIT = 200;

export async function getActivity(ctx: AppContext, actor: Actor, id: string) {
  const row = await repo.findActivity(ctx.database.db, id, visibleTo(actor));
  if (!row) throw notFound('activity');
  return row;
}

/** Mine, someone's, a customer's, or a calendar window: keyset on (start, id). */
export async function listActivities(ctx: AppContext, actor: Actor, q: ListActivitiesQuery) {
  const where: SQL[] = [visibleTo(actor)];
  if (q.mine) where.push(repo.takesPart(actor.userId));
  if (q.ownerId) where.push(eq(activities.ownerId, q.ownerId));
  if (q.customerId) where.push(eq(activities.customerId, q.customerId));
  if (q.ticketId) where.push(eq(activities.ticketId, q.ticketId));
  if (q.from) where.push(sql`${activities.startAt} >= ${q.from}::timestamptz`);
  if (q.to) where.push(sql`${activities.startAt} < ${q.to}::timestamptz`);
  if (q.status) where.push(inArray(activities.status, q.status));
  if (q.type) where.push(inArray(activities.type, q.type));
  const rows = await repo.listActivities(ctx.database.db, { where, order: q.order, after: decodeCursor(q.cursor, timeIdCursor), limit: q.limit });
  const result = page(rows, q.limit, (a) => [a.cursorAt, a.id]);
  return { items: result.items.map(presentActivity), nextCursor: result.nextCursor };
}

/** A visible customer's activities, newest first (an invisible customer is 404). */
export async function customerActivities(ctx: AppContext, actor: Actor, idOrNumber: string, q: { limit: number; cursor?: string }) {
  const customer = await findCustomer(ctx.database.db, idOrNumber, customerVisibleTo(actor));
  if (!customer) throw notFound('customer');
  return listActivities(ctx, actor, { customerId: customer.id, order: 'desc', limit: q.limit, cursor: q.cursor });
}

/** "My day" in the user's time zone: overdue open activities first, then today's by time. */
export async function myDay(ctx: AppContext, actor: Actor) {
  const rows = await repo.myDay(ctx.database.db, actor.userId, actor.timeZone, MY_DAY_LIMIT);
  const date = rows[0]?.date ?? new Intl.DateTimeFormat('en-CA', { timeZone: actor.timeZone }).format(new Date());
  return { date, timeZone: actor.timeZone, items: rows.map(presentActivity) };
}
