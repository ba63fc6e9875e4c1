import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { timeIdCursor } from '../../../platform/db/keyset.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { decodeCursor, page } from '../../../platform/http/pagination.ts';
import { can } from '../../../platform/permissions/roles.ts';
import type { HandoverListQuery } from '../handover.contracts.ts';
import { allowedSteps, visibleTo } from '../handover.policy.ts';
import * as repo from '../handover.repository.ts';
import { stepContext } from './steps.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function present(h: repo.HandoverRow) {
  const { cursorAt: _c, customer, customerId: _cid, fromOwnerId: _f, toOwnerId: _t, ...rest } = h;
  return {
    ...rest,
    customer: { id: customer.id, number: customer.number, name: customer.name },
    submittedAt: iso(h.submittedAt),
    reviewedAt: iso(h.reviewedAt),
    completedAt: iso(h.completedAt),
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
  };
}

export async function listHandovers(ctx: AppContext, actor: Actor, q: HandoverListQuery) {
  const db = ctx.database.db;
  const visible = visibleTo(actor);
  const where = [visible];
  if (q.stage) where.push(sql`"handovers"."stage" = ${q.stage}`);
  if (q.mine) where.push(sql`("handovers"."from_owner_id" = ${actor.userId} or "handovers"."to_owner_id" = ${actor.userId})`);
  const [rows, counts] = await Promise.all([
    repo.listHandovers(db, { where, after: decodeCursor(q.cursor, timeIdCursor), limit: q.limit }),
    repo.countByStage(db, visible),
  ]);
  const result = page(rows, q.limit, (h) => [h.cursorAt, h.id]);
  const byStage = { preparation: 0, review: 0, confirmation: 0, completed: 0 };
  for (const c of counts) byStage[c.stage as keyof typeof byStage] = c.n;
  return { items: result.items.map(present), nextCursor: result.nextCursor, counts: byStage };
}

export async function getHandover(ctx: AppContext, actor: Actor, id: string) {
  const db = ctx.database.db;
  const h = await repo.findHandover(db, id, visibleTo(actor));
  if (!h) throw notFound('handover');
  const [items, timeline] = await Promise.all([repo.listItems(db, h.id), repo.handoverTimeline(db, h.id)]);
  return {
    ...present(h),
    items: items.map((i) => ({ ...i, completedAt: iso(i.completedAt) })),
    timeline: timeline.map((e) => ({
      action: e.action,
      at: new Date(e.at).toISOString(),
      actor: e.actor,
      note: (e.changes.find((c) => c.field === 'returnReason')?.to as string | undefined) ?? null,
    })),
    allowedSteps: allowedSteps(actor, h, await stepContext(db, actor, h), true).filter((s) =>
      can(actor.role, s === 'setReceiver' || s === 'review' ? 'handovers.manage' : 'handovers.work'),
    ),
  };
}
