import type { AppContext, RoomAuthorizer } from '../../platform/context.ts';
import { findTicket } from './tickets.repository.ts';
import { seesInternal, visibleTo } from './tickets.policy.ts';
import type { PresentedMessage } from './tickets.presenters.ts';

/**
 * Per-ticket rooms, one per audience: staff join `ticket:<id>:staff`, clients `ticket:<id>:public`.
 * Internal notes are emitted to the staff room only, so no client socket ever receives one.
 */
export const staffRoom = (ticketId: string) => `ticket:${ticketId}:staff`;
export const publicRoom = (ticketId: string) => `ticket:${ticketId}:public`;

export function ticketRoomAuthorizer(ctx: AppContext): RoomAuthorizer {
  return async (actor, topic) => {
    const match = /^ticket:(TCK-\d{6,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(topic);
    if (!match) return null;
    const ticket = await findTicket(ctx.database.db, match[1], visibleTo(actor));
    if (!ticket) return null;
    return seesInternal(actor) ? staffRoom(ticket.id) : publicRoom(ticket.id);
  };
}

/** A message after commit: public ones to both audiences, internal notes to staff only. */
export function emitMessage(ctx: AppContext, ticketId: string, number: string, message: PresentedMessage) {
  const payload = { ticketId, number, message };
  ctx.realtime.toRoom(staffRoom(ticketId), 'ticket.message', payload);
  if (!message.internal) ctx.realtime.toRoom(publicRoom(ticketId), 'ticket.message', payload);
}

/** A change of the ticket's fields: the changed field names and the new version, for both audiences. */
export function emitUpdate(ctx: AppContext, ticketId: string, number: string, fields: string[], version: number) {
  const payload = { ticketId, number, fields, version };
  ctx.realtime.toRoom(staffRoom(ticketId), 'ticket.updated', payload);
  ctx.realtime.toRoom(publicRoom(ticketId), 'ticket.updated', payload);
}
