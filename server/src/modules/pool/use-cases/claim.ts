import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../../platform/http/errors.ts';
import { sql } from 'drizzle-orm';
import { poolPolicy } from '../pool.policy.ts';
import * as repo from '../pool.repository.ts';
import { readPoolSettings } from '../pool.settings.ts';
import { poolTexts as t } from '../pool.texts.ts';

/** What a pool move did, as the transaction that made it saw it (a later write cannot change the answer). */
export interface PoolMove {
  customerId: string;
  ownerId: string | null;
}

const DAY_MS = 86_400_000;

const notInPool = (number: string) =>
  conflict('not_in_pool', `${number} is not in the pool (any more): someone else may have taken it.`, [{ field: 'customerId', message: 'Not in the pool.' }]);

/**
 * A sales rep takes a customer from the pool (CUS-7): within their holding limit, and not back
 * before the cool-down ends if they were the previous owner. The pool stay is closed by one
 * conditional UPDATE, so of two simultaneous claims exactly one wins; the loser gets 409.
 */
export async function claimCustomer(ctx: AppContext, actor: Actor, idOrNumber: string): Promise<PoolMove> {
  const settings = await readPoolSettings(ctx.database.db);
  const move = await ctx.database.transaction(async (tx) => {
    // Per-user lock first, then the customer: the same order everywhere, no deadlock.
    await repo.lockUser(tx, actor.userId);
    const customer = await repo.lockCustomer(tx, idOrNumber, sql`true`);
    if (!customer) throw notFound('customer');
    const entry = customer.ownerId ? null : await repo.openEntryOf(tx, customer.id);
    if (!entry) throw notInPool(customer.number);
    if (entry.originalOwnerId === actor.userId && settings.cooldownDays > 0) {
      const until = new Date(entry.enteredAt.getTime() + settings.cooldownDays * DAY_MS);
      if (until > new Date()) {
        throw new AppError(
          'pool_cooldown',
          409,
          `You were the previous owner of ${customer.number}: you may claim it back from ${until.toISOString()} (cool-down ${settings.cooldownDays} days).`,
          [{ field: 'customerId', message: `Cool-down until ${until.toISOString()}.` }],
          {},
          { availableAt: until.toISOString() },
        );
      }
    }
    const held = await repo.holdingCount(tx, actor.userId);
    if (held >= settings.holdingLimit) {
      throw unprocessable('holding_limit_reached', `You already hold ${held} customers; the limit is ${settings.holdingLimit}.`, [
        { field: 'holdingLimit', message: `Limit ${settings.holdingLimit} reached.` },
      ]);
    }
    const left = await repo.leavePool(tx, customer.id, { status: 'claimed', takenBy: actor.userId, decidedBy: actor.userId });
    if (!left) throw notInPool(customer.number);
    await repo.setOwner(tx, customer.id, actor.userId);
    await appendHistory(tx, {
      entityType: 'customer',
      entityId: customer.id,
      actorId: actor.userId,
      action: 'pool.claimed',
      changes: [{ field: 'ownerId', from: null, to: actor.userId }],
    });
    await recordEvent(tx, 'customer.claimed', { customerId: customer.id, number: customer.number, ownerId: actor.userId });
    return { customerId: customer.id, ownerId: actor.userId };
  });
  ctx.afterCommit();
  return move;
}

/** A manager or admin gives a pool customer to someone (CUS-7 "managers assign from it"). */
export async function assignFromPool(ctx: AppContext, actor: Actor, idOrNumber: string, ownerId: string): Promise<PoolMove> {
  if (!poolPolicy.canAssign(actor)) throw forbidden();
  const move = await ctx.database.transaction(async (tx) => {
    const customer = await repo.lockCustomer(tx, idOrNumber, sql`true`);
    if (!customer) throw notFound('customer');
    const assignee = await repo.assignableUser(tx, ownerId);
    if (!assignee) {
      throw unprocessable('invalid_owner', 'The new owner must be an active sales rep, manager or admin.', [{ field: 'ownerId', message: 'Not someone who can hold customers.' }]);
    }
    if (customer.ownerId) throw notInPool(customer.number);
    const left = await repo.leavePool(tx, customer.id, { status: 'assigned', takenBy: ownerId, decidedBy: actor.userId });
    if (!left) throw notInPool(customer.number);
    await repo.setOwner(tx, customer.id, ownerId);
    await appendHistory(tx, {
      entityType: 'customer',
      entityId: customer.id,
      actorId: actor.userId,
      action: 'pool.assigned',
      changes: [{ field: 'ownerId', from: null, to: ownerId }],
    });
    await recordEvent(tx, 'customer.assigned', { customerId: customer.id, number: customer.number, changes: [{ field: 'ownerId', from: null, to: ownerId }], actorId: actor.userId });
    if (ownerId !== actor.userId) {
      await ctx.notifications.notify(tx, ownerId, {
        kind: 'customer.assigned',
        title: t.localized('assigned.title', { number: customer.number, name: customer.name }),
        body: t.localized('assigned.body', { actor: actor.name }),
        link: `/customers/${customer.number}`,
      });
    }
    return { customerId: customer.id, ownerId };
  });
  ctx.afterCommit();
  return move;
}
