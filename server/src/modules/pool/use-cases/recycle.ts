import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { recordEvents } from '../../../platform/events/outbox.ts';
import { AppError, conflict, notFound } from '../../../platform/http/errors.ts';
import { poolPolicy } from '../pool.policy.ts';
import * as repo from '../pool.repository.ts';
import { readPoolSettings } from '../pool.settings.ts';
import type { PoolMove } from './claim.ts';
import { poolTexts as t } from '../pool.texts.ts';

const BATCH = 500;

async function recordRecycles(tx: Db, rows: repo.PoolCustomer[], reason: 'inactive_days' | 'manual', actorId: string | null, note: string | null) {
  await appendHistory(
    tx,
    rows.map((c) => ({
      entityType: 'customer',
      entityId: c.id,
      actorId,
      action: 'pool.recycled',
      changes: [
        { field: 'ownerId', from: c.ownerId, to: null },
        { field: 'pool', from: null, to: note ? `${reason}: ${note}` : reason },
      ],
    })),
  );
  await recordEvents(tx, 'customer.recycled', rows.map((c) => ({ customerId: c.id, number: c.number, previousOwnerId: c.ownerId, reason, actorId })));
}

/**
 * The daily rule (CUS-7): customers without follow-up for N days go to the pool, owners cleared.
 * Batches of 500, each in one transaction; rows already moved no longer match, so a rerun (or a
 * second process) moves nothing twice. Each previous owner gets one notification per batch.
 */
export async function recycleInactive(ctx: AppContext): Promise<{ recycled: number; inactiveDays: number }> {
  const { inactiveDays } = await readPoolSettings(ctx.database.db);
  let total = 0;
  for (;;) {
    const moved = await ctx.database.transaction(async (tx) => {
      const rows = await repo.lockRecycleCandidates(tx, inactiveDays, BATCH);
      await repo.enterPool(tx, rows, { reason: 'inactive_days', note: null, recycledBy: null });
      await recordRecycles(tx, rows, 'inactive_days', null, null);
      const byOwner = new Map<string, repo.PoolCustomer[]>();
      for (const c of rows) byOwner.set(c.ownerId!, [...(byOwner.get(c.ownerId!) ?? []), c]);
      for (const [ownerId, lost] of byOwner) {
        const names = lost.slice(0, 5).map((c) => `${c.number} ${c.name}`).join(', ');
        await ctx.notifications.notify(tx, ownerId, {
          kind: 'pool.recycled',
          title: lost.length === 1 ? t.localized('recycled.titleOne', { number: lost[0].number, name: lost[0].name }) : t.localized('recycled.titleMany', { count: lost.length }),
          body: t.localized('recycled.inactive', { days: inactiveDays, customers: `${names}${lost.length > 5 ? ', …' : ''}` }),
          link: '/customers/pool',
          data: { customerIds: lost.map((c) => c.id), reason: 'inactive_days' },
        });
      }
      return rows.length;
    });
    total += moved;
    if (moved) ctx.afterCommit();
    if (moved < BATCH) break;
  }
  return { recycled: total, inactiveDays };
}

/** Recycle by hand (`manual`) with a reason: the owner, or a manager/admin who sees the customer. */
export async function recycleCustomer(ctx: AppContext, actor: Actor, idOrNumber: string, reason: string): Promise<PoolMove> {
  const move = await ctx.database.transaction(async (tx) => {
    const customer = await repo.lockCustomer(tx, idOrNumber, poolPolicy.recyclable(actor));
    if (!customer) throw notFound('customer');
    if (!poolPolicy.canRecycle(actor, customer)) {
      throw new AppError('not_owner', 403, 'Only the owner, a manager or an admin may put this customer in the pool.', [{ field: 'customerId', message: 'Not yours.' }]);
    }
    // Unowned customers outside the pool may be put in by managers (sales only recycle their own).
    if (!customer.ownerId && (await repo.openEntryOf(tx, customer.id))) {
      throw conflict('already_in_pool', `${customer.number} is already in the pool.`, [{ field: 'customerId', message: 'Already in the pool.' }]);
    }
    if (customer.status === 'INACTIVE') {
      throw new AppError('customer_inactive', 422, `${customer.number} is inactive.`, [{ field: 'customerId', message: 'Inactive customer.' }]);
    }
    if (await repo.hasOpenHandover(tx, customer.id)) {
      throw conflict('handover_open', `${customer.number} is being handed over; finish that first.`, [{ field: 'customerId', message: 'Handover in progress.' }]);
    }
    await repo.enterPool(tx, [customer], { reason: 'manual', note: reason, recycledBy: actor.userId });
    await recordRecycles(tx, [customer], 'manual', actor.userId, reason);
    if (customer.ownerId && customer.ownerId !== actor.userId) {
      await ctx.notifications.notify(tx, customer.ownerId, {
        kind: 'pool.recycled',
        title: t.localized('recycled.titleOne', { number: customer.number, name: customer.name }),
        body: `${actor.name}: ${reason}`,
        link: '/customers/pool',
        data: { customerIds: [customer.id], reason: 'manual' },
      });
    }
    return { customerId: customer.id, ownerId: null };
  });
  ctx.afterCommit();
  return move;
}
