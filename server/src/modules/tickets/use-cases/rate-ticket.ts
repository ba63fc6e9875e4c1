import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, type FieldChange } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { forbidden, notFound, staleVersion, unprocessable } from '../../../platform/http/errors.ts';
import { isClient, visibleTo } from '../tickets.policy.ts';
import { isOpen } from '../tickets.workflow.ts';
import { emitUpdate } from '../tickets.realtime.ts';
import * as repo from '../tickets.repository.ts';

/**
 * TKT-12: after resolution the client rates the service 1–5, with an optional comment. Only a client
 * of the ticket's customer (visibleTo: anyone else's ticket is 404), only on a resolved or closed
 * ticket. A second rating replaces the first on the ticket; the history keeps both. No If-Match: the
 * rating concerns no field anyone else edits, and the row is locked while it is written.
 */
export async function rateTicket(ctx: AppContext, actor: Actor, idOrNumber: string, input: { rating: number; comment?: string | null }) {
  // The route already requires tickets.rate (clients only); this keeps the rule if that ever widens.
  if (!isClient(actor)) throw forbidden('Only the client can rate a ticket.');
  const comment = input.comment?.trim() || null;
  const result = await ctx.database.transaction(async (tx) => {
    const before = await repo.findTicketForUpdate(tx, idOrNumber, visibleTo(actor));
    if (!before) throw notFound('ticket');
    if (isOpen(before.status)) {
      const message = `Only a resolved or closed ticket can be rated; this one is ${before.status}.`;
      throw unprocessable('not_rateable', message, [{ field: 'status', message }]);
    }
    const changes: FieldChange[] = [
      { field: 'satisfactionRating', from: before.satisfactionRating, to: input.rating },
      { field: 'satisfactionComment', from: before.satisfactionComment, to: comment },
    ];
    const values = { satisfactionRating: input.rating, satisfactionComment: comment, ratedAt: new Date() };
    if (!(await repo.updateTicket(tx, before.id, before.version, values))) throw staleVersion();
    await appendHistory(tx, { entityType: 'ticket', entityId: before.id, actorId: actor.userId, action: 'rated', changes });
    await recordEvent(tx, 'ticket.rated', { ticketId: before.id, number: before.number, rating: input.rating, previousRating: before.satisfactionRating, actorId: actor.userId });
    return before;
  });
  ctx.afterCommit();
  emitUpdate(ctx, result.id, result.number, ['satisfactionRating', 'satisfactionComment'], result.version + 1);
  return result.id;
}
