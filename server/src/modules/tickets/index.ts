import type { AppContext } from '../../platform/context.ts';
import { fileReadable } from './messages.repository.ts';
import { seesInternal, visibleTo } from './tickets.policy.ts';
import { registerTicketRooms } from './tickets.realtime.ts';

export { ticketRoutes } from './tickets.routes.ts';
export { conversationRoutes } from './conversation.routes.ts';
export { ticketConfigRoutes } from './config.routes.ts';
export { seedTickets } from './seed.ts';
export { tickets, ticketMessages } from './tickets.tables.ts';

/**
 * Wires tickets into the platform: an attachment is readable by whoever may read its message (never
 * a client for an internal note's file), and sockets may join a ticket's room for their audience.
 */
export function registerTicketServices(ctx: AppContext) {
  ctx.files.registerFileAccess((db, actor, file) => fileReadable(db, file.id, visibleTo(actor), seesInternal(actor)));
  registerTicketRooms(ctx);
}
