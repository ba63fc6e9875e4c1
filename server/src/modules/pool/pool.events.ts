import { z } from 'zod';
import { defineEvents, type Catalogued } from '../../platform/events/catalogue.ts';

const id = z.guid();
const number = z.string().regex(/^CUST-\d{4}-\d{6,}$/);

/** The pool's domain events (CUS-6), each with its payload. Assignment by a manager is customers' `customer.assigned`. */
export const poolEvents = defineEvents({
  /** Back to the pool: by the sweep (actorId null) or by hand. */
  'customer.recycled': z.strictObject({ customerId: id, number, previousOwnerId: id.nullable(), reason: z.string(), actorId: id.nullable() }),
  'customer.claimed': z.strictObject({ customerId: id, number, ownerId: id }),
});

declare module '../../platform/events/catalogue.ts' {
  interface EventRegistry extends Catalogued<typeof poolEvents> {}
}
