import type { Actor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/permissions/roles.ts';
import { customerVisibleTo } from '../customers/index.ts';
// The permissions this policy checks are declared (and registered) there, whoever loads the policy.
import './pool.permissions.ts';

/**
 * CUS-7 rules of who may do what with the pool. The pool itself is shared: everyone with pool.read
 * sees every pool customer (that is its point), whatever their customer scope.
 */
export const poolPolicy = {
  /** Which customers the actor may recycle by hand: owners their own; managers and admins those they see. */
  recyclable(actor: Actor) {
    return customerVisibleTo(actor);
  },
  canRecycle(actor: Actor, customer: { ownerId: string | null }): boolean {
    if (!can(actor.role, 'pool.recycle')) return false;
    if (actor.role === 'admin' || actor.role === 'manager') return true;
    return customer.ownerId === actor.userId;
  },
  canAssign(actor: Actor): boolean {
    return can(actor.role, 'pool.manage');
  },
};
