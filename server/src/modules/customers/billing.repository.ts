import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { exactTimestamp, olderThan } from '../../platform/db/keyset.ts';
import { contracts, customers, invoices } from './customers.tables.ts';

const invoiceState = {
  id: invoices.id,
  number: invoices.number,
  amount: sql<string>`${invoices.amount}::text`,
  paidAmount: sql<string>`${invoices.paidAmount}::text`,
  currency: invoices.currency,
  status: invoices.status,
  version: invoices.version,
};
export type InvoiceState = { id: string; number: string; amount: string; paidAmount: string; currency: string; status: string; version: number };

/** One invoice of the customer, locked for the caller's transaction (payments on it queue up). */
export async function lockInvoice(db: Db, customerId: string, invoiceId: string): Promise<InvoiceState | null> {
  const [row] = await db.select(invoiceState).from(invoices).where(and(eq(invoices.id, invoiceId), eq(invoices.customerId, customerId))).for('update');
  return row ?? null;
}

export async function setInvoicePayment(db: Db, id: string, paidAmount: string, status: string): Promise<InvoiceState> {
  const [row] = await db
    .update(invoices)
    .set({ paidAmount, status, updatedAt: new Date(), version: sql`${invoices.version} + 1` })
    .where(eq(invoices.id, id))
    .returning(invoiceState);
  return row;
}

export async function setInvoiceStatus(db: Db, id: string, status: string): Promise<InvoiceState> {
  const [row] = await db.update(invoices).set({ status, updatedAt: new Date(), version: sql`${invoices.version} + 1` }).where(eq(invoices.id, id)).returning(invoiceState);
  return row;
}

/**
 * Lifetime value (decision 0006) is the sum of the customer's paid amounts. Every write that raises a
 * paid amount adds the same amount here in its transaction, in numeric SQL (never floats); the single
 * UPDATE is atomic, so concurrent payments on one customer both count. The version does not move: it is
 * system-maintained, like the contact dates, and must not send back someone editing the profile.
 */
export async function addPaid(db: Db, customerId: string, paid: string) {
  await db.update(customers).set({ lifetimeValue: sql`${customers.lifetimeValue} + ${paid}::numeric` }).where(eq(customers.id, customerId));
}

/** Every customer's lifetime value recomputed from its invoices (the demo seed; migration 0013 does the same). */
export async function recomputeLifetimeValues(db: Db) {
  await db.execute(sql`update customers c set lifetime_value = p.paid
    from (select c2.id, coalesce(sum(i.paid_amount), 0) as paid from customers c2 left join invoices i on i.customer_id = c2.id group by c2.id) p
    where p.id = c.id and c.lifetime_value <> p.paid`);
}

const contractState = { id: contracts.id, number: contracts.number, title: contracts.title, status: contracts.status, endDate: contracts.endDate, version: contracts.version };
export type ContractState = { id: string; number: string; title: string; status: string; endDate: string | null; version: number };

export async function lockContract(db: Db, customerId: string, contractId: string): Promise<ContractState | null> {
  const [row] = await db.select(contractState).from(contracts).where(and(eq(contracts.id, contractId), eq(contracts.customerId, customerId))).for('update');
  return row ?? null;
}

export async function updateContract(db: Db, id: string, set: { status?: string; endDate?: string | null; title?: string }): Promise<ContractState> {
  const [row] = await db.update(contracts).set({ ...set, updatedAt: new Date(), version: sql`${contracts.version} + 1` }).where(eq(contracts.id, id)).returning(contractState);
  return row;
}

// ── lists of one customer's records, newest first, by keyset on (created_at, id) ─────────────
export async function listContracts(db: Db, customerId: string, after: [string, string] | undefined, limit: number) {
  const where: SQL[] = [eq(contracts.customerId, customerId)];
  if (after) where.push(olderThan(contracts.createdAt, contracts.id, after));
  return db
    .select({
      id: contracts.id,
      number: contracts.number,
      title: contracts.title,
      value: sql<string>`${contracts.value}::text`,
      currency: contracts.currency,
      status: contracts.status,
      startDate: contracts.startDate,
      endDate: contracts.endDate,
      version: contracts.version,
      createdAt: exactTimestamp(contracts.createdAt),
    })
    .from(contracts)
    .where(and(...where))
    .orderBy(desc(contracts.createdAt), desc(contracts.id))
    .limit(limit + 1);
}

export async function listInvoices(db: Db, customerId: string, after: [string, string] | undefined, limit: number) {
  const where: SQL[] = [eq(invoices.customerId, customerId)];
  if (after) where.push(olderThan(invoices.createdAt, invoices.id, after));
  return db
    .select({
      ...invoiceState,
      contractId: invoices.contractId,
      issuedOn: invoices.issuedOn,
      dueDate: invoices.dueDate,
      createdAt: exactTimestamp(invoices.createdAt),
    })
    .from(invoices)
    .where(and(...where))
    .orderBy(desc(invoices.createdAt), desc(invoices.id))
    .limit(limit + 1);
}
