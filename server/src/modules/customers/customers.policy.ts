import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/permissions/roles.ts';
import { teamIdsManagedBy, usersOfBranch, usersOfTeams } from '../identity/index.ts';
import { customers } from './customers.tables.ts';
// The permissions this policy checks are declared (and registered) there, whoever loads the policy.
import './customers.permissions.ts';

/**
 * Which customers an actor sees (IAM-3). Reads go through this filter, so an invisible customer is a
 * 404 exactly like a missing one.
 *
 * - admin, auditor, marketing: every customer. agent: every customer too — customer care serves
 *   anyone who calls — but read-only (no customers.write).
 * - manager: their own customers, those owned by members of the teams they manage or assigned to those
 *   teams, those owned by anyone of their branch, and unowned ones (whom managers assign).
 * - sales: their own customers, those owned by members of any team they belong to, and those assigned to
 *   those teams.
 * - client: only their own customer (portal); they have no staff customer routes at all.
 *
 * `ownerColumn`/`teamColumn`/`idColumn` let other queries (activities) apply the same rule to a join.
 */
export function visibleTo(
  actor: Actor,
  cols: { id: SQL | typeof customers.id; ownerId: SQL | typeof customers.ownerId; teamId: SQL | typeof customers.teamId } = customers,
): SQL {
  const teamIds = actor.teamIds.length ? sql`array[${sql.join(actor.teamIds.map((t) => sql`${t}::uuid`), sql`, `)}]` : sql`'{}'::uuid[]`;
  // Who belongs to which team or branch is identity's: its scope subqueries (never its tables here).
  switch (actor.role) {
    case 'admin':
    case 'auditor':
    case 'marketing':
    case 'agent':
      return sql`true`;
    case 'manager':
      return sql`(${cols.ownerId} = ${actor.userId}
        or ${cols.ownerId} is null
        or ${cols.teamId} in ${teamIdsManagedBy(actor.userId)}
        or ${cols.ownerId} in ${usersOfTeams(teamIdsManagedBy(actor.userId))}
        or ${cols.ownerId} in ${usersOfBranch(actor.branchId ?? null)})`;
    case 'sales':
      return sql`(${cols.ownerId} = ${actor.userId}
        or ${cols.teamId} = any(${teamIds})
        or ${cols.ownerId} in ${usersOfTeams(actor.teamIds)})`;
    case 'client':
      return actor.customerId ? sql`${cols.id} = ${actor.customerId}::uuid` : sql`false`;
  }
}

/** Writes need the permission and a visible customer; the use case loads through visibleTo first. */
/**
 * Scope subquery for other modules: the ids of the customers the actor sees (`x in ${…}`), by the
 * rule above. Cheap for everyone-sees roles too: the planner turns `in (select id …)` into a semi-join.
 */
export function customerIdsVisibleTo(actor: Actor): SQL {
  return sql`(select c.id from customers c where ${visibleTo(actor, { id: sql`c.id`, ownerId: sql`c.owner_id`, teamId: sql`c.team_id` })})`;
}

/** For one row of another module: whether the customer in `customerId` (a column) is visible to the actor (false for none). */
export function isCustomerVisibleTo(actor: Actor, customerId: SQL): SQL {
  switch (actor.role) {
    case 'admin':
    case 'auditor':
    case 'marketing':
    case 'agent':
      // Everyone is visible: only "there is a customer" remains (a foreign key, so no lookup).
      return sql`(${customerId} is not null)`;
    default:
      return sql`exists (select 1 from customers c where c.id = ${customerId} and ${visibleTo(actor, { id: sql`c.id`, ownerId: sql`c.owner_id`, teamId: sql`c.team_id` })})`;
  }
}

export function canWrite(actor: Actor): boolean {
  return can(actor.role, 'customers.write');
}

/** Choosing an owner other than yourself, or a team, is assignment. */
export function canAssign(actor: Actor): boolean {
  return can(actor.role, 'customers.assign');
}
