import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import type { Notifications } from '../../../platform/notifications/notifications.ts';
import { buildChecklist } from '../handover.checklist.ts';
import * as repo from '../handover.repository.ts';
import { handoverTexts as t } from '../handover.texts.ts';

export type HandoverReason = 'resignation' | 'position_change';

/**
 * Starts a handover with its generated checklist for every customer the user owns (CUS-6), in one
 * transaction. A customer that already has an open handover is skipped, so a retried event or a
 * second trigger starts nothing twice. Notifies whoever chooses the receiver.
 */
export async function startHandoversInTx(
  tx: Db,
  notifications: Pick<Notifications, 'notify'> | null,
  v: { userId: string; reason: HandoverReason; actorId: string | null },
): Promise<string[]> {
  const owned = await repo.ownedCustomers(tx, v.userId);
  const started: string[] = [];
  for (const customer of owned) {
    const id = await repo.insertHandover(tx, { customerId: customer.id, fromOwnerId: v.userId, reason: v.reason });
    if (!id) continue;
    await repo.insertItems(tx, id, buildChecklist(await repo.checklistFacts(tx, customer.id)));
    await appendHistory(tx, [
      { entityType: 'handover', entityId: id, actorId: v.actorId, action: 'started', changes: [{ field: 'stage', from: null, to: 'preparation' }, { field: 'reason', from: null, to: v.reason }] },
      { entityType: 'customer', entityId: customer.id, actorId: v.actorId, action: 'handover.started', changes: [{ field: 'handover', from: null, to: id }] },
    ]);
    await recordEvent(tx, 'handover.started', { handoverId: id, customerId: customer.id, fromOwnerId: v.userId, reason: v.reason });
    started.push(id);
  }
  if (started.length && notifications) {
    const deciders = await repo.responsibleManagers(tx, v.userId, null);
    for (const userId of deciders.length ? deciders : await repo.activeAdmins(tx)) {
      await notifications.notify(tx, userId, {
        kind: 'handover.started',
        title: t.localized(started.length === 1 ? 'started.titleOne' : 'started.titleMany', { count: started.length }),
        body: t.localized(v.reason === 'resignation' ? 'started.resignation' : 'started.position_change'),
        link: '/handovers',
        data: { handoverIds: started.slice(0, 50) },
      });
    }
  }
  return started;
}

export async function startHandovers(ctx: AppContext, v: { userId: string; reason: HandoverReason; actorId: string | null }) {
  const ids = await ctx.database.transaction((tx) => startHandoversInTx(tx, ctx.notifications, v));
  if (ids.length) ctx.afterCommit();
  return ids;
}

interface PositionChanged {
  userId: string;
  actorId?: string;
  changes?: { field: string; from: unknown; to: unknown }[];
}

/** A new role, or leaving a team, is a change of position; only joining one more team is not. */
export function leavesPosition(changes: PositionChanged['changes'] & {}): boolean {
  return changes.some((c) => {
    if (c.field === 'role') return true;
    if (c.field !== 'teams') return false;
    const to = new Set(Array.isArray(c.to) ? (c.to as string[]) : []);
    return (Array.isArray(c.from) ? (c.from as string[]) : []).some((team) => !to.has(team));
  });
}

/** Identity records these events in the transaction that deactivates or moves the user. */
export function subscribeHandoverTriggers(ctx: AppContext): void {
  ctx.events.subscribe('user.deactivated', 'handover.start-on-deactivation', async (p) => {
    await startHandovers(ctx, { userId: p.userId, reason: 'resignation', actorId: p.actorId ?? null });
  });
  ctx.events.subscribe('user.position_changed', 'handover.start-on-position-change', async (p) => {
    if (!leavesPosition(p.changes ?? [])) return;
    await startHandovers(ctx, { userId: p.userId, reason: 'position_change', actorId: p.actorId ?? null });
  });
}
