import type { AppContext } from '../../../platform/context.ts';
import * as repo from '../automation.repository.ts';
import { ticketTexts as t } from '../tickets.texts.ts';

const BATCH = 500;

/**
 * TKT-10 reminders: the processor hears once when a ticket's follow-up date comes. Stamping
 * follow_up_reminded_at is the claim, in the transaction that notifies; setting a new follow-up date
 * clears it (update-ticket), so each date reminds once.
 */
export async function remindFollowUps(ctx: AppContext): Promise<{ reminded: number }> {
  let total = 0;
  for (;;) {
    const n = await ctx.database.transaction(async (tx) => {
      const due = await repo.claimDueFollowUps(tx, BATCH);
      for (const r of due) {
        await ctx.notifications.notify(tx, r.processorId!, {
          kind: 'ticket.follow_up',
          title: t.localized('notice.followUpTitle', { number: r.number, title: r.title }),
          body: t.localized('notice.followUp', { at: r.followUpAt!.toISOString() }),
          link: `/tickets/${r.number}`,
          data: { ticketId: r.id, followUpAt: r.followUpAt!.toISOString() },
        });
      }
      return due.length;
    });
    total += n;
    if (n) ctx.afterCommit();
    if (n < BATCH) return { reminded: total };
  }
}
