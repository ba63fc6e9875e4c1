import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/permissions/roles.ts';
import { customerIdsVisibleTo } from '../customers/index.ts';
import { tickets } from './tickets.tables.ts';
import { CLIENT_TRANSITIONS, type TicketStatus, TRANSITIONS } from './tickets.workflow.ts';

export { STATUSES, type TicketStatus, TRANSITIONS } from './tickets.workflow.ts';

/**
 * Which tickets an actor sees (IAM-3). Every read and write loads the ticket through this filter, so
 * an invisible ticket is a 404 exactly like a missing one — by number or by id.
 *
 * - admin, manager, agent, auditor: every ticket (service desks serve whoever calls).
 * - sales: tickets of the customers they see (customers.policy), those they created or process.
 * - client: only tickets of their own customer.
 * - anyone else: none.
 */
export function visibleTo(actor: Actor): SQL {
  switch (actor.role) {
    case 'admin':
    case 'manager':
    case 'agent':
    case 'auditor':
      return sql`true`;
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
