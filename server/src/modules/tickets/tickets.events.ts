import { z } from 'zod';
import { defineEvents, type Catalogued, fieldChange, isoTimestamp } from '../../platform/events/catalogue.ts';

const id = z.guid();
/** A ticket's public number, TCK-NNNNNN. */
const number = z.string().regex(/^TCK-\d{6,}$/);
/** A change of the ticket's own fields through changeTicket (update-ticket.ts): who changed what. */
const changed = z.strictObject({ ticketId: id, number, changes: z.array(fieldChange), actorId: id });

/**
 * The `ticket.created` payload, the same for the single create and the bulk import (createdPayload).
 * Imported tickets carry their import's id (and a call list's have source `bulk`); the new-ticket mail
 * skips them (their import sends one digest, ticket-import's `tickets.bulk_created`).
 */
export const ticketCreated = z.strictObject({ ticketId: id, number, customerId: id, componentId: id.nullable(), actorId: id, importId: id.optional() });

/** The tickets module's domain events, each with its payload: ids, not text. */
export const ticketsEvents = defineEvents({
  'ticket.created': ticketCreated,
  'ticket.updated': changed,
  'ticket.status': changed,
  'ticket.escalated': changed,
  /** By a person (changeTicket) or by the component's distribution (actorId null, `distribution` named). */
  'ticket.assigned': z.strictObject({ ticketId: id, number, changes: z.array(fieldChange), actorId: id.nullable(), distribution: z.string().optional() }),
  'ticket.message': z.strictObject({ ticketId: id, number, messageId: id, internal: z.boolean(), authorId: id }),
  'ticket.rated': z.strictObject({ ticketId: id, number, rating: z.number().int(), previousRating: z.number().int().nullable(), actorId: id }),
  'ticket.sla_breached': z.strictObject({ ticketId: id, number, target: z.enum(['first_response', 'resolution']), dueAt: isoTimestamp }),
  'ticket.auto_closed': z.strictObject({ ticketId: id, number, customerId: id, requesterId: id.nullable(), autoCloseDays: z.number() }),
  'ticket.merged': z.strictObject({ ticketId: id, number, intoId: id, intoNumber: number }),
});

declare module '../../platform/events/catalogue.ts' {
  interface EventRegistry extends Catalogued<typeof ticketsEvents> {}
}
