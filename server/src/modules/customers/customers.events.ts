import { z } from 'zod';
import { defineEvents, type Catalogued, fieldChange } from '../../platform/events/catalogue.ts';

const id = z.guid();
/** A customer's public number, CUST-YYYY-NNNNNN. */
const number = z.string().regex(/^CUST-\d{4}-\d{6,}$/);

/**
 * The `customer.created` payload: the create use case and the import write the same shape, so every
 * subscriber sees imported customers too. `importId` marks the ones a CSV import created.
 */
export const customerCreated = z.strictObject({ customerId: id, number, type: z.string(), actorId: id, importId: id.optional() });

/** The customers module's domain events (profiles, contracts, invoices), each with its payload: ids, not text. */
export const customersEvents = defineEvents({
  'customer.created': customerCreated,
  /** `number` is absent when only the addresses changed. */
  'customer.updated': z.strictObject({ customerId: id, number: number.optional(), fields: z.array(z.string()), actorId: id }),
  /** Owner or team changed (also the pool's manager assignment). */
  'customer.assigned': z.strictObject({ customerId: id, number, changes: z.array(fieldChange), actorId: id }),
  'customer.merged': z.strictObject({ customerId: id, number, mergedId: id, mergedNumber: number, moved: z.record(z.string(), z.number()), actorId: id }),
  'customer.converted': z.strictObject({ customerId: id, number, from: z.string(), actorId: id }),
  'contract.created': z.strictObject({ contractId: id, customerId: id, actorId: id }),
  'invoice.created': z.strictObject({ invoiceId: id, customerId: id, actorId: id }),
  /** `amount`: the payment as an exact decimal string. */
  'invoice.payment_recorded': z.strictObject({ invoiceId: id, customerId: id, amount: z.string().regex(/^\d+\.\d{2}$/), status: z.string(), actorId: id }),
});

declare module '../../platform/events/catalogue.ts' {
  interface EventRegistry extends Catalogued<typeof customersEvents> {}
}
