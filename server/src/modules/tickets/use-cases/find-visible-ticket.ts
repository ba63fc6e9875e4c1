import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { visibleTo } from '../tickets.policy.ts';
import { findTicketRef } from '../tickets.repository.ts';

/**
 * The ticket another module's record wants to link to, by id or number, through this module's own
 * visibility rule: null when it does not exist or the actor may not see it (the caller answers 404
 * for both alike). Runs on the caller's transaction.
 */
export async function findVisibleTicket(db: Db, actor: Actor, idOrNumber: string): Promise<{ id: string; customerId: string } | null> {
  return findTicketRef(db, idOrNumber, visibleTo(actor));
}
