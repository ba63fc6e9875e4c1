import type { AppContext } from '../../platform/context.ts';
import { fileReadable } from './messages.repository.ts';
import { seesInternal, visibleTo } from './tickets.policy.ts';
import { subscribeTicketMail } from './tickets.mail.ts';
import { registerTicketRooms } from './tickets.realtime.ts';

export { ticketRoutes } from './tickets.routes.ts';
export { conversationRoutes } from './conversation.routes.ts';
export { escalationRoutes } from './escalation.routes.ts';
export { relationRoutes } from './relations.routes.ts';
export { ticketConfigRoutes } from './config.routes.ts';
// TKT-6/9/10: the sweeps and the SLA policy API.
export { slaRoutes } from './sla.routes.ts';
export { defineTicketJobs, TICKET_JOBS } from './tickets.jobs.ts';
export { autoCloseTickets } from './use-cases/auto-close.ts';
export { consolidateTickets } from './use-cases/consolidate-tickets.ts';
export { seedTickets } from './seed.ts';
export { tickets, ticketMessages } from './tickets.tables.ts';
// For bulk create (TKT-11), the CSV export and global search: the same rules and visibility as the API.
export { checkNewTicket, createMemo, insertNewTicket, type CheckedTicket, type Memo } from './use-cases/create-ticket.ts';
// Bulk create's set-based writer: the single path's status, history, event and contact rules, and the SLA targets.
export { createdChanges, createdPayload, initialStatus, staffContacts } from './use-cases/create-ticket.ts';
export { dueDates } from './sla.ts';
export { listPolicies as listSlaPolicies } from './sla.repository.ts';
export { distributeAfterCreate } from './use-cases/distribute-tickets.ts';
export { listTickets } from './use-cases/read-tickets.ts';
export { createTicketBody, listTicketsQuery, type CreateTicketInput, type ListTicketsQuery } from './tickets.contracts.ts';
export { listComponents as listTicketComponents, listTypes as listTicketTypes, type TypeRow as TicketTypeRow } from './config.repository.ts';

/**
 * Wires tickets into the platform: an attachment is readable by whoever may read its message (never
 * a client for an internal note's file), sockets may join a ticket's room for their audience, and
 * ticket events become e-mail (tickets.mail.ts).
 */
export function registerTicketServices(ctx: AppContext) {
  ctx.files.registerFileAccess((db, actor, file) => fileReadable(db, file.id, visibleTo(actor), seesInternal(actor)));
  registerTicketRooms(ctx);
  subscribeTicketMail(ctx);
}
