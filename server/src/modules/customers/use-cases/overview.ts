import { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { decodeCursor, page } from '../../../platform/http/pagination.ts';
import { customerSections } from '../customers.links.ts';
import { visibleTo } from '../customers.policy.ts';
import { presentCustomerDetail } from '../customers.presenters.ts';
import * as repo from '../customers.repository.ts';
import { readOverview, readTimeline, type TimelineItem } from '../overview.repository.ts';

const timelineCursor = z.tuple([z.iso.datetime(), z.string().max(40), z.string().max(60)]);
const cursorOf = (t: TimelineItem) => [t.at, t.kind, t.id];

/**
 * CUS-3: the profile, addresses, a summary per linked kind and the first page of one merged
 * timeline — two SQL statements (the visible customer, then everything else) at any data size.
 */
export async function customerOverview(ctx: AppContext, actor: Actor, idOrNumber: string, timelineLimit: number) {
  const db = ctx.database.db;
  const customer = await repo.findCustomer(db, idOrNumber, visibleTo(actor));
  if (!customer) throw notFound('customer');
  const o = await readOverview(db, customer.id, customerSections(ctx, actor), actor, timelineLimit);
  const timeline = page(o.timeline, timelineLimit, cursorOf);
  return { customer: presentCustomerDetail(customer, o.addresses), sections: o.sections, timeline };
}

/** Further pages of the merged timeline, newest first. */
export async function customerTimeline(ctx: AppContext, actor: Actor, idOrNumber: string, q: { limit: number; cursor?: string }) {
  const db = ctx.database.db;
  const customer = await repo.findCustomer(db, idOrNumber, visibleTo(actor));
  if (!customer) throw notFound('customer');
  const rows = await readTimeline(db, customer.id, customerSections(ctx, actor), actor, decodeCursor(q.cursor, timelineCursor), q.limit);
  return page(rows, q.limit, cursorOf);
}
