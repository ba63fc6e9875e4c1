import type { AppContext } from '../../platform/context.ts';
import { fileReadable } from './messages.repository.ts';
import { seesInternal, visibleTo } from './tickets.policy.ts';
import { subscribeTicketMail } from './tickets.mail.ts';
import { ticketRoomAuthorizer } from './tickets.realtime.ts';
import { defineModule } from '../../platform/module.ts';
import { ticketsPermissions } from './tickets.permissions.ts';
import { ticketsEvents } from './tickets.events.ts';
import { ticketsCustomerSection } from './tickets.customer.ts';
import { ticketSearch } from './tickets.search.ts';
import { ticketRoutes } from './tickets.routes.ts';
import { conversationRoutes } from './conversation.routes.ts';
import { escalationRoutes } from './escalation.routes.ts';
import { relationRoutes } from './relations.routes.ts';
import { ticketConfigRoutes } from './config.routes.ts';
import { slaRoutes } from './sla.routes.ts';
import { defineTicketJobs } from './tickets.jobs.ts';
import { seedTickets } from './seed.ts';

export { TICKET_JOBS } from './tickets.jobs.ts';
export { autoCloseTickets } from './use-cases/auto-close.ts';
export { consolidateTickets } from './use-cases/consolidate-tickets.ts';
export { openTicketLabels } from './tickets.repository.ts';
// For bulk create (TKT-11) and the CSV export: the same rules and visibility as the API.
export { checkNewTicket, createMemo, type CheckedTicket, type Memo } from './use-cases/create-ticket.ts';
// Bulk create's set-based writer: the single path's status, history, event and contact rules, and the SLA targets.
export { initialStatus, staffContacts } from './use-cases/create-ticket.ts';
export { createTicketsInBulk } from './use-cases/create-tickets-in-bulk.ts';
export type { BulkTicket } from './bulk.repository.ts';
export { dueDates } from './sla.ts';
export { listPolicies as listSlaPolicies } from './sla.repository.ts';
export { distributeAfterCreate } from './use-cases/distribute-tickets.ts';
// PLT-9 import and export: duplicates by number or external reference, the export's extra columns, and
// the update use case a duplicate row goes through ("update" policy).
export { DUPLICATE_KEYS, type DuplicateKey, exportExtras, ticketsByKey } from './import.repository.ts';
export { visibleTo as ticketVisibleTo } from './tickets.policy.ts';
export { updateTicket } from './use-cases/update-ticket.ts';
export { SOURCES as TICKET_SOURCES, updateTicketBody, type UpdateTicketInput } from './tickets.contracts.ts';
export { listTickets } from './use-cases/read-tickets.ts';
// For records that link to a ticket (activities, SAL-6): the link must name a ticket the caller sees.
export { findVisibleTicket, ticketAnswer, ticketQuestion } from './use-cases/find-visible-ticket.ts';
export { createTicketBody, listTicketsQuery, type CreateTicketInput, type ListTicketsQuery } from './tickets.contracts.ts';
export { listComponents as listTicketComponents, listTypes as listTicketTypes, type TypeRow as TicketTypeRow } from './config.repository.ts';

/**
 * TKT-1…13: the service desk. Wired into the platform: an attachment is readable by whoever may read
 * its message (never a client for an internal note's file), sockets may join a ticket's room for their
 * audience, ticket events become e-mail (tickets.mail.ts), a customer's tickets are a section of the
 * 360° view and a group of the global search.
 */
export const ticketsModule = defineModule({
  name: 'tickets',
  permissions: ticketsPermissions,
  events: ticketsEvents,
  scopes: {
    admin: 'every ticket',
    manager: 'tickets of the components staffed by their branch, unqueued ones, and those they created or process',
    agent: 'tickets of the components they staff, unqueued ones, and those they created or process (every ticket when the admin setting tickets.agentsSeeAllTickets is on)',
    auditor: 'every ticket (read only)',
    sales: 'tickets of the customers they see, and those they created or process',
    client: 'tickets of their own customer, never internal notes',
  },
  routes: [ticketConfigRoutes, slaRoutes, ticketRoutes, conversationRoutes, escalationRoutes, relationRoutes],
  jobs: defineTicketJobs,
  subscribers: subscribeTicketMail,
  roomAuthorizers: (ctx: AppContext) => [ticketRoomAuthorizer(ctx)],
  fileAccess: [(db, actor, file) => fileReadable(db, file.id, visibleTo(actor), seesInternal(actor))],
  customer: { sections: [ticketsCustomerSection] },
  search: [ticketSearch],
  seed: (tx, shared) => seedTickets(tx, shared.userIds, shared.filesDir),
});
