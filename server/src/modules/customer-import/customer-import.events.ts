import { z } from 'zod';
import { defineEvents, type Catalogued } from '../../platform/events/catalogue.ts';

const id = z.guid();

/**
 * The customer import's domain events. Each imported customer also has its own `customer.created`
 * (customers' catalogue, the create use case's payload plus the importId); this one is per batch.
 */
export const customerImportEvents = defineEvents({
  'customers.imported': z.strictObject({ importId: id, customerIds: z.array(id).min(1), actorId: id }),
});

declare module '../../platform/events/catalogue.ts' {
  interface EventRegistry extends Catalogued<typeof customerImportEvents> {}
}
