import { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { invalid, notFound } from '../../../platform/http/errors.ts';
import { compareDecimal } from '../../../platform/money/decimal.ts';
import { visibleTo } from '../customers.policy.ts';
import * as repo from '../customers.repository.ts';
import { addPaid } from '../billing.repository.ts';
import { insertContract, insertInvoice } from '../overview.repository.ts';

export const amount = z.union([z.string().trim(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'A non-negative amount with at most 2 decimals.'));
const day = z.iso.date();
const currency = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'ISO 4217 code.');

export const contractBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  value: amount,
  currency: currency.default('VND'),
  startDate: day.nullable().optional(),
  endDate: day.nullable().optional(),
  status: z.enum(['DRAFT', 'ACTIVE', 'EXPIRED', 'TERMINATED']).default('DRAFT'),
});
export const invoiceBody = z.strictObject({
  amount,
  paidAmount: amount.default('0'),
  currency: currency.default('VND'),
  issuedOn: day.nullable().optional(),
  dueDate: day.nullable().optional(),
  status: z.enum(['DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'OVERDUE', 'CANCELLED']).default('ISSUED'),
});
export const billingCreated = z.object({ id: z.uuid(), number: z.string() });

/** CUS-5, minimal: record a contract or an invoice on a visible customer (history + event). */
export async function addContract(ctx: AppContext, actor: Actor, idOrNumber: string, input: z.infer<typeof contractBody>) {
  if (input.startDate && input.endDate && input.endDate < input.startDate) throw invalid([{ field: 'endDate', message: 'Before the start date.' }]);
  const row = await ctx.database.transaction(async (tx) => {
    const customer = await repo.findCustomer(tx, idOrNumber, visibleTo(actor));
    if (!customer) throw notFound('customer');
    const row = await insertContract(tx, { ...input, customerId: customer.id, ownerId: actor.userId });
    await appendHistory(tx, { entityType: 'customer', entityId: customer.id, actorId: actor.userId, action: 'contract_added', changes: [{ field: 'contract', from: null, to: row.number }] });
    await recordEvent(tx, 'contract.created', { contractId: row.id, customerId: customer.id, actorId: actor.userId });
    return row;
  });
  ctx.afterCommit();
  return row;
}

export async function addInvoice(ctx: AppContext, actor: Actor, idOrNumber: string, input: z.infer<typeof invoiceBody>) {
  if (compareDecimal(input.paidAmount, input.amount) > 0) throw invalid([{ field: 'paidAmount', message: 'More than the amount.' }]);
  const row = await ctx.database.transaction(async (tx) => {
    const customer = await repo.findCustomer(tx, idOrNumber, visibleTo(actor));
    if (!customer) throw notFound('customer');
    const row = await insertInvoice(tx, { ...input, customerId: customer.id });
    // A digit other than 0 in the decimal string: something was paid (no float in between).
    if (/[1-9]/.test(input.paidAmount)) await addPaid(tx, customer.id, input.paidAmount);
    await appendHistory(tx, { entityType: 'customer', entityId: customer.id, actorId: actor.userId, action: 'invoice_added', changes: [{ field: 'invoice', from: null, to: row.number }] });
    await recordEvent(tx, 'invoice.created', { invoiceId: row.id, customerId: customer.id, actorId: actor.userId });
    return row;
  });
  ctx.afterCommit();
  return row;
}
