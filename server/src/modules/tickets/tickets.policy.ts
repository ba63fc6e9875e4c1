import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/permissions/roles.ts';
import { settingIsOn } from '../../platform/settings/settings.repository.ts';
import { customerIdsVisibleTo } from '../customers/index.ts';
import { usersOfBranch } from '../identity/index.ts';
import { ticketComponentStaff, tickets } from './tickets.tables.ts';
import { CLIENT_TRANSITIONS, isOpen, type TicketStatus, TRANSITIONS } from './tickets.workflow.ts';
// The permissions this policy checks are declared (and registered) there, whoever loads the policy.
import './tickets.permissions.ts';

export { STATUSES, type TicketStatus, TRANSITIONS } from './tickets.workflow.ts';

/** The components a user staffs (as agent or manager of the queue). */
const componentsStaffedBy = (userIds: SQL) => sql`(select s.component_id from ${ticketComponentStaff} s where s.user_id in ${userIds})`;

/** Tickets of these components, tickets in no component yet (the triage queue), and the actor's own. */
function queueScope(actor: Actor, components: SQL): SQL {
  return sql`(${tickets.componentId} is null or ${tickets.componentId} in ${components}
    or ${tickets.processorId} = ${actor.userId} or ${tickets.createdBy} = ${actor.userId})`;
}

/**
 * Which tickets an actor sees (IAM-3). Every read and write loads the ticket through this filter — the
 * list, search, counts, the 360° view, exports and socket rooms — so an invisible ticket is a 404
 * exactly like a missing one, by number or by id.
 *
 * - admin, auditor: every ticket.
 * - agent: tickets of the components they staff, tickets no component holds yet (someone must triage
 *   them), and those they process or created; every ticket when an admin turns on
 *   `tickets.agentsSeeAllTickets`.
 * - manager: tickets of the components staffed by anyone of their branch, unqueued ones, their own.
 * - sales: tickets of the customers they see (customers.policy), those they created or process.
 * - client: only tickets of their own customer.
 * - anyone else: none.
 */
export function visibleTo(actor: Actor): SQL {
  switch (actor.role) {
    case 'admin':
    case 'auditor':
      return sql`true`;
    case 'agent':
      return sql`(${settingIsOn('tickets.agentsSeeAllTickets')} or ${queueScope(actor, componentsStaffedBy(sql`(${actor.userId}::uuid)`))})`;
    case 'manager':
      return queueScope(actor, componentsStaffedBy(actor.branchId ? usersOfBranch(actor.branchId) : sql`(${actor.userId}::uuid)`));
    case 'sales':
      return sql`(${tickets.createdBy} = ${actor.userId} or ${tickets.processorId} = ${actor.userId}
        or ${tickets.customerId} in ${customerIdsVisibleTo(actor)})`;
    case 'client':
      return actor.customerId ? sql`${tickets.customerId} = ${actor.customerId}::uuid` : sql`false`;
    default:
      return sql`false`;
  }
}

/** Internal notes, their files and staff-only history: never for a client, on any channel. */
export function seesInternal(actor: Actor): boolean {
  return actor.role !== 'client';
}

export function isClient(actor: Actor): boolean {
  return actor.role === 'client';
}

export function canAssign(actor: Actor): boolean {
  return can(actor.role, 'tickets.assign');
}

export function transitionError(actor: Actor, from: TicketStatus, to: TicketStatus): string | null {
  if (!TRANSITIONS[from].includes(to)) return `A ${from} ticket cannot become ${to}; allowed: ${TRANSITIONS[from].join(', ')}.`;
  if (isClient(actor) && !(CLIENT_TRANSITIONS[from] ?? []).includes(to)) return `Clients may only close or reopen a resolved ticket.`;
  return null;
}

/** Every status this actor may move the ticket to now (none without tickets.write): what the UI offers. */
export function allowedTransitions(actor: Actor, from: TicketStatus): TicketStatus[] {
  if (!can(actor.role, 'tickets.write')) return [];
  return TRANSITIONS[from].filter((to) => transitionError(actor, from, to) === null);
}

/** TKT-7: only the two highest priorities (high, very high) may be escalated. */
export const ESCALATABLE_PRIORITIES = [4, 5] as const;

/** Why this ticket cannot be escalated (the refused field and message), or null when it can. */
export function escalationRefusal(ticket: { priority: number; status: string }): { field: string; message: string } | null {
  if (!(ESCALATABLE_PRIORITIES as readonly number[]).includes(ticket.priority)) {
    return { field: 'priority', message: `Only tickets of priority ${ESCALATABLE_PRIORITIES.join(' or ')} can be escalated; this one has ${ticket.priority}.` };
  }
  if (!isOpen(ticket.status)) return { field: 'status', message: `A ${ticket.status} ticket cannot be escalated; reopen it first.` };
  return null;
}

/** TKT-12: the client rates a ticket once it is resolved or closed. */
export function canRate(actor: Actor, ticket: { status: string }): boolean {
  return isClient(actor) && can(actor.role, 'tickets.rate') && !isOpen(ticket.status);
}

/** Whether this actor may escalate the ticket now (the POST …/escalate rule, for the UI to offer it). */
export function canEscalate(actor: Actor, ticket: { priority: number; status: string }): boolean {
  return can(actor.role, 'tickets.write') && escalationRefusal(ticket) === null;
}
