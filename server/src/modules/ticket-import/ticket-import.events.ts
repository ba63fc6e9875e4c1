import { z } from 'zod';
import { defineEvents, type Catalogued } from '../../platform/events/catalogue.ts';

const id = z.guid();

/**
 * The ticket import's domain events. Each imported ticket also has its own `ticket.created` (tickets'
 * catalogue, the single create's payload); this one event per commit drives the digest mail, so staff
 * get one mail per component instead of one per ticket (numbers: the first few per component).
 */
export const ticketImportEvents = defineEvents({
  'tickets.bulk_created': z.strictObject({
    importId: id,
    actorId: id,
    count: z.number().int().positive(),
    byComponent: z.array(z.strictObject({ componentId: id, count: z.number().int().positive(), numbers: z.array(z.string()) })),
  }),
});

declare module '../../platform/events/catalogue.ts' {
  interface EventRegistry extends Catalogued<typeof ticketImportEvents> {}
}
