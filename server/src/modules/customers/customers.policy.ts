import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/permissions/roles.ts';
import { customers } from './customers.tables.ts';

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
  switch (actor.role) {
    case 'admin':
    case 'auditor':
    case 'marketing':
    case 'agent':
      return sql`true`;
    case 'manager':
      return sql`(${cols.ownerId} = ${actor.userId}
        or ${cols.ownerId} is null
        or ${cols.teamId} in (select t.id from teams t where t.manager_id = ${actor.userId})
        or ${cols.ownerId} in (select tm.user_id from team_members tm join teams t on t.id = tm.team_id where t.manager_id = ${actor.userId})
        or ${cols.ownerId} in (select u.id from users u where u.branch_id = ${actor.branchId ?? null}::uuid))`;
    case 'sales':
      return sql`(${cols.ownerId} = ${actor.userId}
        or ${cols.teamId} = any(${teamIds})
        or ${cols.ownerId} in (select tm.user_id from team_members tm where tm.team_id = any(${teamIds})))`;
    case 'client':
      return actor.customerId ? sql`${cols.id} = ${actor.customerId}::uuid` : sql`false`;
  }
}

/** Writes need the permission and a visible customer; the use case loads through visibleTo first. */
export function canWrite(actor: Actor): boolean {
  return can(actor.role, 'customers.write');
}

/** Choosing an owner other than yourself, or a team, is assignment. */
export function canAssign(actor: Actor): boolean {
  return can(actor.role, 'customers.assign');
}
