import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { unprocessable } from '../../../platform/http/errors.ts';
import { isClient, type TicketStatus, transitionError } from '../tickets.policy.ts';
import { missingRequiredFields } from './ticket-rules.ts';
import { targetsForReopen } from './sla-targets.ts';
import { changeTicket } from './update-ticket.ts';

/**
 * TKT-3: moves a ticket along the status graph. An illegal move is refused (422, field `status`)
 * and changes nothing. Resolving and closing stamp their times; reopening clears them.
 */
export function changeStatus(ctx: AppContext, actor: Actor, idOrNumber: string, version: number, to: TicketStatus) {
  return changeTicket(ctx, actor, idOrNumber, version, 'status', async (tx, before) => {
    const from = before.status as TicketStatus;
    if (from === to) return { values: {} };
    const refusal = transitionError(actor, from, to);
    if (refusal) throw unprocessable('illegal_transition', refusal, [{ field: 'status', message: refusal }]);
    // Decision 0007: a portal ticket may arrive without a required field the client cannot fill; staff fill it before resolving.
    if (to === 'resolved' && !isClient(actor)) {
      const missing = await missingRequiredFields(tx, before.custom);
      if (missing.length) throw unprocessable('custom_fields_required', 'Fill the required fields before resolving the ticket.', missing);
    }
    const now = new Date();
    const values: { status: string; resolvedAt?: Date | null; closedAt?: Date | null } = { status: to };
    if (to === 'resolved') values.resolvedAt = now;
    if (to === 'closed') values.closedAt = now;
    // A reopened ticket starts a fresh resolution target (TKT-9).
    if (to === 'in_progress' && (from === 'resolved' || from === 'closed')) Object.assign(values, { resolvedAt: null, closedAt: null }, await targetsForReopen(tx, before.id, before.priority, now));
    return { values, changes: [{ field: 'status', from, to }] };
  });
}
