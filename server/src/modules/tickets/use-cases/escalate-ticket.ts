import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { unprocessable } from '../../../platform/http/errors.ts';
import { escalationRefusal } from '../tickets.policy.ts';
import { changeTicket } from './update-ticket.ts';

/**
 * TKT-7: the client of the ticket's customer or a staff member with tickets.write raises the
 * escalation level by one, with a reason. Visibility and If-Match come from changeTicket, so another
 * customer's client gets 404 and a stale version 412, with nothing written. The history entry, the
 * `ticket.escalated` event (processor and component managers are e-mailed from it, tickets.mail.ts)
 * and the realtime notice are written by changeTicket in the same transaction / after commit.
 */
export function escalateTicket(ctx: AppContext, actor: Actor, idOrNumber: string, version: number, reason: string) {
  return changeTicket(ctx, actor, idOrNumber, version, 'escalated', async (_tx, before) => {
    const refusal = escalationRefusal(before);
    if (refusal) throw unprocessable('escalation_not_allowed', refusal.message, [refusal]);
    const level = before.escalationLevel + 1;
    return {
      values: { escalationLevel: level, escalationReason: reason, escalatedAt: new Date() },
      // Explicit: a repeated escalation with the same reason is still a new level.
      changes: [
        { field: 'escalationLevel', from: before.escalationLevel, to: level },
        { field: 'escalationReason', from: before.escalationReason, to: reason },
      ],
    };
  });
}
