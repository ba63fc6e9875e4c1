import type { AppContext } from '../../platform/context.ts';
import { countUses } from './knowledge.repository.ts';

/** KB-1: a ticket resolved with articles inserted into its replies counts a use for each (once per ticket). */
export function subscribeArticleUses(ctx: AppContext): void {
  ctx.events.subscribe('ticket.status', 'knowledge.count-uses', async (p) => {
    if (p.changes.some((c) => c.field === 'status' && c.to === 'resolved')) await countUses(ctx.database.db, p.ticketId);
  });
}
