import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import * as repo from '../customers.repository.ts';

/**
 * The record a write just changed, read in the writing transaction: what this write left, whatever the
 * writer's scope is now (an assignment may move it out) and whatever commits after it.
 */
export async function writtenCustomer(tx: Db, id: string) {
  const customer = await repo.findCustomer(tx, id, sql`true`);
  if (!customer) throw notFound('customer');
  return { customer, addresses: await repo.listAddresses(tx, id) };
}

export type CustomerRecord = Awaited<ReturnType<typeof writtenCustomer>>;
