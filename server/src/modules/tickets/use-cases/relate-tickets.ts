import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound, unprocessable } from '../../../platform/http/errors.ts';
import * as relations from '../relations.repository.ts';
import { visibleTo } from '../tickets.policy.ts';
import { emitUpdate } from '../tickets.realtime.ts';
import * as repo from '../tickets.repository.ts';

type Locked = repo.TicketForUpdate;

/**
 * TKT-1 related tickets. Both tickets are loaded through the caller's visibility (an invisible one
 * is a 404 like a missing one) and locked, the link row and a history entry on each side go in one
 * transaction, and both tickets' rooms hear ticket.updated after commit. A link is not an edit of
 * the ticket's own fields: no If-Match, no version bump. Repeating a link (or removing a missing
 * one) changes nothing and answers the same.
 *
 * The entries are internal: the other ticket may belong to another customer, so its number is no
 * business of this ticket's client (the detail's `related` list is filtered per caller instead).
 */
async function relate(ctx: AppContext, actor: Actor, idOrNumber: string, otherIdOrNumber: string, action: 'linked' | 'unlinked'): Promise<string> {
  let changed: [Locked, Locked] | undefined;
  const id = await ctx.database.transaction(async (tx) => {
    const ticketRef = await repo.findTicket(tx, idOrNumber, visibleTo(actor));
    if (!ticketRef) throw notFound('ticket');
    const otherRef = await repo.findTicket(tx, otherIdOrNumber, visibleTo(actor));
    if (!otherRef) throw notFound('related ticket');
    if (otherRef.id === ticketRef.id) {
      const message = 'A ticket cannot be related to itself.';
      throw unprocessable('self_relation', message, [{ field: 'ticket', message }]);
    }
    // Locked in id order: A→B and B→A at the same time queue up instead of deadlocking, and the
    // second sees the first's row (one link per pair).
    const locked = new Map<string, Locked>();
    for (const id of [ticketRef.id, otherRef.id].sort()) {
      const row = await repo.findTicketForUpdate(tx, id, visibleTo(actor));
      if (!row) throw notFound('ticket');
      locked.set(id, row);
    }
    const ticket = locked.get(ticketRef.id)!;
    const other = locked.get(otherRef.id)!;
    const done = action === 'linked' ? await relations.link(tx, ticket.id, other.id) : await relations.unlink(tx, ticket.id, other.id);
    if (!done) return ticket.id;
    const entry = (self: Locked, them: Locked) => ({
      entityType: 'ticket',
      entityId: self.id,
      actorId: actor.userId,
      action,
      internal: true,
      changes: [action === 'linked' ? { field: 'related', from: null, to: them.number } : { field: 'related', from: them.number, to: null }],
    });
    await appendHistory(tx, [entry(ticket, other), entry(other, ticket)]);
    changed = [ticket, other];
    return ticket.id;
  });
  ctx.afterCommit();
  for (const t of changed ?? []) emitUpdate(ctx, t.id, t.number, ['related'], t.version);
  return id;
}

export const linkTickets = (ctx: AppContext, actor: Actor, idOrNumber: string, other: string) => relate(ctx, actor, idOrNumber, other, 'linked');
export const unlinkTickets = (ctx: AppContext, actor: Actor, idOrNumber: string, other: string) => relate(ctx, actor, idOrNumber, other, 'unlinked');
