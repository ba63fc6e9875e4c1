import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import * as repo from '../customers.repository.ts';

/**
 * The record a write just changed, read in the writing transaction: what this write left, whatever the
 * writer's scope is now (an assignment may move it out) and whatever commits after it.
 */
export async function writtenCustomer(tx: Db, id: string) {
  const row = await repo.unsafeFindWrittenCustomerWithAddresses(tx, id);
  if (!row) throw notFound('customer');
  const { addresses, ...customer } = row;
  return { customer, addresses };
}

export type CustomerRecord = Awaited<ReturnType<typeof writtenCustomer>>;
