import { eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { customFilter } from '../../../platform/custom-fields/custom-fields.ts';
import { definitionsFor } from '../../../platform/custom-fields/custom-fields.repository.ts';
import type { Db } from '../../../platform/db/database.ts';
import { invalid, notFound } from '../../../platform/http/errors.ts';
import { decodeCursor, page } from '../../../platform/http/pagination.ts';
import { type CustomerFilter, customerFilter, type ListCustomersQuery } from '../customers.contracts.ts';
import { visibleTo } from '../customers.policy.ts';
import { presentCustomer } from '../customers.presenters.ts';
import * as repo from '../customers.repository.ts';
import { customers } from '../customers.tables.ts';
import * as segments from '../segments.repository.ts';

const FILTER_KEYS = Object.keys(customerFilter.shape) as (keyof CustomerFilter)[];
const DEFAULT_ORDER: Record<repo.SortKey, 'asc' | 'desc'> = { name: 'asc', number: 'asc', created: 'desc', lastContact: 'desc', lifetimeValue: 'desc' };
const cursorShape = z.tuple([z.string().nullable(), z.uuid()]);

/**
 * The SQL conditions of a filter, always with the actor's scope. Custom field filters are checked
 * against the definitions (errors name `<prefix>custom.<key>`).
 */
export async function filterConditions(db: Db, actor: Actor, f: CustomerFilter, fieldPrefix = ''): Promise<SQL[]> {
  const where: SQL[] = [visibleTo(actor)];
  if (f.q) where.push(repo.searchCondition(f.q));
  if (f.status) where.push(inArray(customers.status, f.status));
  if (f.type) where.push(eq(customers.type, f.type));
  if (f.level) where.push(inArray(customers.level, f.level));
  if (f.priority) where.push(inArray(customers.priority, f.priority));
  if (f.ownerId === 'none') where.push(isNull(customers.ownerId));
  else if (f.ownerId) where.push(eq(customers.ownerId, f.ownerId === 'me' ? actor.userId : f.ownerId));
  if (f.teamId) where.push(eq(customers.teamId, f.teamId));
  if (f.tags) where.push(sql`${customers.tags} @> ${sql`array[${sql.join(f.tags.map((t) => sql`${t}`), sql`, `)}]::text[]`}`);
  if (f.custom && Object.keys(f.custom).length) {
    const result = customFilter(await definitionsFor(db, 'customer'), customers.custom, f.custom);
    if (result.errors.length) throw invalid(result.errors.map((e) => ({ ...e, field: `${fieldPrefix}${e.field}` })));
    where.push(result.where!);
  }
  return where;
}

/** GET /customers: filters (or a saved segment, overridden by explicit filters), sort, keyset page. */
export async function listCustomers(ctx: AppContext, actor: Actor, query: ListCustomersQuery) {
  const db = ctx.database.db;
  let filter: CustomerFilter = Object.fromEntries(FILTER_KEYS.filter((k) => query[k] !== undefined).map((k) => [k, query[k]]));
  if (query.segment) {
    const segment = await segments.findSegment(db, query.segment, actor.userId);
    if (!segment) throw notFound('segment');
    filter = { ...customerFilter.parse(segment.filter), ...filter };
  }
  const order = query.order ?? DEFAULT_ORDER[query.sort];
  const rows = await repo.listCustomers(db, {
    where: await filterConditions(db, actor, filter),
    sort: query.sort,
    order,
    after: decodeCursor(query.cursor, cursorShape),
    limit: query.limit,
    searching: Boolean(filter.q),
  });
  const result = page(rows, query.limit, (r) => [r.sortKey, r.id]);
  return { items: result.items.map(presentCustomer), nextCursor: result.nextCursor };
}

/** One visible customer with addresses; invisible is 404 like missing. */
export async function getCustomer(ctx: AppContext, actor: Actor, idOrNumber: string) {
  const customer = await repo.findCustomer(ctx.database.db, idOrNumber, visibleTo(actor));
  if (!customer) throw notFound('customer');
  return { customer, addresses: await repo.listAddresses(ctx.database.db, customer.id) };
}
