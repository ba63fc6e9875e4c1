import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import * as repo from '../automation.repository.ts';
import { emitUpdate } from '../tickets.realtime.ts';
import { ticketTexts as t } from '../tickets.texts.ts';

const BATCH = 200;

/**
 * TKT-6: tickets waiting on the customer with no activity for `tickets.autoCloseDays` are closed by
 * the System, with a (public) history entry, a `ticket.auto_closed` event (the client's e-mail) and
 * an in-app notice to the requester. The close is the claim: a closed ticket no longer matches, so a
 * rerun or a second process closes nothing twice.
 */
export async function autoCloseTickets(ctx: AppContext): Promise<{ closed: number; autoCloseDays: number }> {
  const autoCloseDays = await ctx.settings.get('tickets.autoCloseDays');
  let total = 0;
  for (;;) {
    const rows = await ctx.database.transaction(async (tx) => {
      const closed = await repo.closeStaleWaiting(tx, autoCloseDays, BATCH);
      await appendHistory(
        tx,
        closed.map((r) => ({
          entityType: 'ticket',
          entityId: r.id,
          actorId: null,
          action: 'auto_closed',
          changes: [{ field: 'status', from: 'waiting_on_customer', to: 'closed' }],
        })),
      );
      for (const r of closed) {
        await recordEvent(tx, 'ticket.auto_closed', { ticketId: r.id, number: r.number, customerId: r.customerId, requesterId: r.requesterId, autoCloseDays });
        if (r.requesterId) {
          await ctx.notifications.notify(tx, r.requesterId, {
            kind: 'ticket.auto_closed',
            title: `${r.number} ${r.title}`.slice(0, 200),
            body: t.localized('notice.autoClosed', { days: autoCloseDays }),
            link: `/portal/tickets/${r.number}`,
            data: { ticketId: r.id },
          });
        }
      }
      return closed;
    });
    total += rows.length;
    if (rows.length) ctx.afterCommit();
    for (const r of rows) emitUpdate(ctx, r.id, r.number, ['status', 'closedAt'], r.version);
    if (rows.length < BATCH) break;
  }
  return { closed: total, autoCloseDays };
}
