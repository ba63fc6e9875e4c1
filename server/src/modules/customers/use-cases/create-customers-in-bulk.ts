import type { SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { recordEvents } from '../../../platform/events/outbox.ts';
import { type BulkCreated, insertCustomersFrom } from '../bulk.repository.ts';
import { customerCreatedPayload } from './create-customer.ts';

/**
 * PLT-9: the customers of an import batch, set-based, in the caller's transaction: the rows (see
 * insertCustomersFrom), then ONE insert of their `customer.created` events — createCustomer's payload,
 * plus the importId — so every subscriber sees imported customers as it sees created ones.
 *
 * Unlike createCustomer it runs no `customer.onCreated` hooks: an import creates no "customer
 * created" activity (as before this event existed).
 */
export async function createCustomersInBulk(tx: Db, source: SQL, p: { actorId: string; importId: string }): Promise<BulkCreated[]> {
  const created = await insertCustomersFrom(tx, source, { actorId: p.actorId, action: 'imported' });
  await recordEvents(tx, 'customer.created', created.map((c) => ({ ...customerCreatedPayload(c, c.type, p.actorId), importId: p.importId })));
  return created;
}
