import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { timeIdCursor } from '../../../platform/db/keyset.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { decodeCursor, page } from '../../../platform/http/pagination.ts';
import type { PoolListQuery } from '../pool.contracts.ts';
import * as repo from '../pool.repository.ts';
import { type PoolSettings, readPoolSettings, writePoolSettings } from '../pool.settings.ts';

export async function listPool(ctx: AppContext, q: PoolListQuery) {
  const rows = await repo.listPool(ctx.database.db, { ...q, after: decodeCursor(q.cursor, timeIdCursor), limit: q.limit });
  const result = page(rows, q.limit, (r) => [r.cursorAt, r.entryId]);
  return {
    items: result.items.map(({ cursorAt: _c, ...r }) => ({
      ...r,
      enteredAt: r.enteredAt.toISOString(),
      customer: { ...r.customer, lastContactAt: r.customer.lastContactAt ? new Date(r.customer.lastContactAt).toISOString() : null },
    })),
    nextCursor: result.nextCursor,
  };
}

/** The pool history of a customer the actor can see in the pool or in their customer scope. */
export async function readPoolHistory(ctx: AppContext, _actor: Actor, idOrNumber: string) {
  // The customer and its stays read together: a claim cannot slip in between (the lock needs a transaction).
  const { customer, rows } = await ctx.database.transaction(async (tx) => {
    const customer = await repo.lockCustomer(tx, idOrNumber, sql`true`);
    if (!customer) throw notFound('customer');
    return { customer, rows: await repo.poolHistory(tx, customer.id) };
  });
  return {
    customer: { id: customer.id, number: customer.number, name: customer.name },
    items: rows.map((r) => ({ ...r, enteredAt: r.enteredAt.toISOString(), leftAt: r.leftAt ? r.leftAt.toISOString() : null })),
  };
}

export const getPoolSettings = (ctx: AppContext) => readPoolSettings(ctx.database.db);

/** Admin changes the rule; the settings row keeps who changed it last (as for every setting). */
export async function updatePoolSettings(ctx: AppContext, actor: Actor, patch: Partial<PoolSettings>): Promise<PoolSettings> {
  await ctx.database.transaction((tx) => writePoolSettings(tx, patch, actor.userId));
  return readPoolSettings(ctx.database.db);
}

/** After a claim, assignment or recycle: the customer's owner now (the pool is shared, so no scope). */
export async function ownerAfterMove(ctx: AppContext, customerId: string) {
  const row = (await repo.lockCustomer(ctx.database.db, customerId, sql`true`))!;
  return { customerId: row.id, ownerId: row.ownerId };
}
