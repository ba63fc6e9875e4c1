import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { visibleTo } from '../tickets.policy.ts';
import { findTicketAnswer, findTicketQuestion, findTicketRef } from '../tickets.repository.ts';

/**
 * The ticket another module's record wants to link to, by id or number, through this module's own
 * visibility rule: null when it does not exist or the actor may not see it (the caller answers 404
 * for both alike). Runs on the caller's transaction.
 */
export async function findVisibleTicket(db: Db, actor: Actor, idOrNumber: string): Promise<{ id: string; customerId: string } | null> {
  return findTicketRef(db, idOrNumber, visibleTo(actor));
}

/**
 * What a ticket asks, for another module that answers it (knowledge-base suggestions, KB-1): its title,
 * description and latest public messages as one text, and the portal requester's language when there is
 * one. Null when the ticket does not exist or the actor may not see it. Internal notes are left out: a
 * suggestion shown to an agent might be sent to the client.
 */
export async function ticketQuestion(db: Db, actor: Actor, idOrNumber: string): Promise<{ id: string; text: string; language: string | null } | null> {
  return findTicketQuestion(db, idOrNumber, visibleTo(actor));
}

/** A visible ticket's latest staff answer and its client's personal details (knowledge base: ticket → draft article). Null when not visible. */
export async function ticketAnswer(db: Db, actor: Actor, idOrNumber: string) {
  return findTicketAnswer(db, idOrNumber, visibleTo(actor));
}
