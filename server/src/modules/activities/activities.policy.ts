import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { isCustomerVisibleTo } from '../customers/index.ts';
import { teamIdsManagedBy, usersOfTeams } from '../identity/index.ts';
import { activities } from './activities.tables.ts';

/**
 * Which activities an actor sees: admins, auditors and marketing all; everyone else those they own
 * or take part in, those of customers they can see (customers.policy), and — for managers — those
 * owned by members of the teams they manage. Invisible is 404 like missing.
 */
export function visibleTo(actor: Actor): SQL {
  if (actor.role === 'admin' || actor.role === 'auditor' || actor.role === 'marketing') return sql`true`;
  if (actor.role === 'client') return sql`false`;
  const managed = actor.role === 'manager' ? sql` or ${activities.ownerId} in ${usersOfTeams(teamIdsManagedBy(actor.userId))}` : sql``;
  return sql`(${activities.ownerId} = ${actor.userId}
    or exists (select 1 from activity_participants p where p.activity_id = ${activities.id} and p.user_id = ${actor.userId})
    or ${isCustomerVisibleTo(actor, sql`${activities.customerId}`)}${managed})`;
}

/** Editing: the owner, a participant, or a manager/admin who can see it. */
export function canEdit(actor: Actor, activity: { ownerId: string; participants: { id: string }[] }): boolean {
  if (actor.role === 'admin' || actor.role === 'manager') return true;
  return activity.ownerId === actor.userId || activity.participants.some((p) => p.id === actor.userId);
}

/** Planning for someone else is a manager's or admin's call. */
export const canChooseOwner = (actor: Actor) => actor.role === 'admin' || actor.role === 'manager';
