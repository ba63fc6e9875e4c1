import { z } from 'zod';
import { defineEvents, type Catalogued } from '../../platform/events/catalogue.ts';

const id = z.guid();

/** The handover module's domain events, each with its payload: ids, not text. */
export const handoverEvents = defineEvents({
  'handover.started': z.strictObject({ handoverId: id, customerId: id, fromOwnerId: id, reason: z.string() }),
  'handover.completed': z.strictObject({ handoverId: id, customerId: id, fromOwnerId: id, toOwnerId: id.nullable() }),
});

declare module '../../platform/events/catalogue.ts' {
  interface EventRegistry extends Catalogued<typeof handoverEvents> {}
}
