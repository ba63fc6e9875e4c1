import { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, type FieldChange } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { timeIdCursor } from '../../../platform/db/keyset.ts';
import { conflict, invalid, notFound, unprocessable } from '../../../platform/http/errors.ts';
import { decodeCursor, page } from '../../../platform/http/pagination.ts';
import * as billing from '../billing.repository.ts';
import { visibleTo } from '../customers.policy.ts';
import * as repo from '../customers.repository.ts';
import { amount } from './billing.ts';

export const PAYMENT_METHODS = ['BANK_TRANSFER', 'CASH', 'CARD', 'OTHER'] as const;
export const paymentBody = z.strictObject({
  amount,
  paidOn: z.iso.date().optional(),
  method: z.enum(PAYMENT_METHODS).default('BANK_TRANSFER'),
  reference: z.string().trim().min(1).max(100).optional(),
});
export const contractPatch = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    status: z.enum(['ACTIVE', 'EXPIRED', 'TERMINATED']).optional(),
    endDate: z.iso.date().nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change.', path: ['status'] });
export const invoiceResponse = z.object({ id: z.uuid(), number: z.string(), amount: z.string(), paidAmount: z.string(), currency: z.string(), status: z.string(), version: z.number() });
export const contractResponse = z.object({ id: z.uuid(), number: z.string(), title: z.string(), status: z.string(), endDate: z.string().nullable(), version: z.number() });
export const contractListItem = contractResponse.extend({
  value: z.string(),
  currency: z.string(),
  startDate: z.string().nullable(),
  createdAt: z.string(),
  nextStatuses: z.array(z.enum(['ACTIVE', 'EXPIRED', 'TERMINATED'])).describe('The statuses the contract may move to now (DRAFT → ACTIVE → EXPIRED/TERMINATED, never back)'),
});
export const invoiceListItem = invoiceResponse.extend({
  contractId: z.uuid().nullable(),
  issuedOn: z.string().nullable(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
  payable: z.boolean().describe('Whether the invoice takes payments now (ISSUED, PARTIALLY_PAID or OVERDUE)'),
  cancellable: z.boolean().describe('Whether the invoice can be cancelled now (not PAID or CANCELLED, and nothing paid on it)'),
});

/** Which contract states may follow which: a contract never returns to DRAFT or revives once ended. */
const CONTRACT_NEXT: Record<string, readonly ('ACTIVE' | 'EXPIRED' | 'TERMINATED')[]> = { DRAFT: ['ACTIVE', 'TERMINATED'], ACTIVE: ['EXPIRED', 'TERMINATED'], EXPIRED: [], TERMINATED: [] };
const PAYABLE = ['ISSUED', 'PARTIALLY_PAID', 'OVERDUE'];
const isPayable = (invoice: { status: string }) => PAYABLE.includes(invoice.status);
const isCancellable = (invoice: { status: string; paidAmount: string }) => invoice.status !== 'CANCELLED' && invoice.status !== 'PAID' && cents(invoice.paidAmount) === 0n;

/** Decimal strings with at most 2 places as exact cents: money never goes through floats. */
const cents = (value: string) => {
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
};
const decimal = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

async function visibleCustomerId(tx: Db, actor: Actor, idOrNumber: string) {
  const customer = await repo.findCustomer(tx, idOrNumber, visibleTo(actor));
  if (!customer) throw notFound('customer');
  return customer.id;
}

/** CUS-5: a payment raises the invoice's paid amount; the full amount makes it PAID. Never more than owed. */
export async function recordPayment(ctx: AppContext, actor: Actor, idOrNumber: string, invoiceId: string, input: z.infer<typeof paymentBody>) {
  const invoice = await ctx.database.transaction(async (tx) => {
    const customerId = await visibleCustomerId(tx, actor, idOrNumber);
    const current = await billing.lockInvoice(tx, customerId, invoiceId);
    if (!current) throw notFound('invoice');
    if (!isPayable(current)) throw conflict('invoice_not_payable', `A ${current.status} invoice takes no payments.`, [{ field: 'invoiceId', message: `The invoice is ${current.status}.` }]);
    const owed = cents(current.amount) - cents(current.paidAmount);
    const paying = cents(input.amount);
    if (paying <= 0n) throw invalid([{ field: 'amount', message: 'Must be more than 0.' }]);
    if (paying > owed) throw unprocessable('overpayment', `Only ${decimal(owed)} ${current.currency} is still owed.`, [{ field: 'amount', message: `At most ${decimal(owed)}.` }]);
    const paid = decimal(cents(current.paidAmount) + paying);
    const updated = await billing.setInvoicePayment(tx, current.id, paid, paying === owed ? 'PAID' : 'PARTIALLY_PAID');
    await billing.addPaid(tx, customerId, decimal(paying));
    const changes: FieldChange[] = [
      { field: 'invoice', from: null, to: current.number },
      { field: 'payment', from: null, to: `${decimal(paying)} ${current.currency}` },
      { field: 'method', from: null, to: input.method },
      { field: 'paidOn', from: null, to: input.paidOn ?? new Date().toISOString().slice(0, 10) },
      { field: 'invoiceStatus', from: current.status, to: updated.status },
    ];
    if (input.reference) changes.push({ field: 'reference', from: null, to: input.reference });
    await appendHistory(tx, { entityType: 'customer', entityId: customerId, actorId: actor.userId, action: 'payment_recorded', changes });
    await recordEvent(tx, 'invoice.payment_recorded', { invoiceId: current.id, customerId, amount: decimal(paying), status: updated.status, actorId: actor.userId });
    return updated;
  });
  ctx.afterCommit();
  return invoice;
}

/** An unpaid invoice can be cancelled; one with money on it cannot (refund it first, outside the CRM). */
export async function cancelInvoice(ctx: AppContext, actor: Actor, idOrNumber: string, invoiceId: string) {
  const invoice = await ctx.database.transaction(async (tx) => {
    const customerId = await visibleCustomerId(tx, actor, idOrNumber);
    const current = await billing.lockInvoice(tx, customerId, invoiceId);
    if (!current) throw notFound('invoice');
    if (current.status === 'CANCELLED' || current.status === 'PAID') throw conflict('invoice_not_cancellable', `A ${current.status} invoice cannot be cancelled.`, [{ field: 'invoiceId', message: `The invoice is ${current.status}.` }]);
    if (cents(current.paidAmount) > 0n) throw conflict('invoice_has_payments', 'Payments were recorded on this invoice.', [{ field: 'invoiceId', message: `${current.paidAmount} ${current.currency} already paid.` }]);
    const updated = await billing.setInvoiceStatus(tx, current.id, 'CANCELLED');
    await appendHistory(tx, { entityType: 'customer', entityId: customerId, actorId: actor.userId, action: 'invoice_cancelled', changes: [{ field: 'invoice', from: current.status, to: `${current.number} CANCELLED` }] });
    return updated;
  });
  return invoice;
}

/** Title, end date and the contract's status along CONTRACT_NEXT. */
export async function changeContract(ctx: AppContext, actor: Actor, idOrNumber: string, contractId: string, input: z.infer<typeof contractPatch>) {
  const contract = await ctx.database.transaction(async (tx) => {
    const customerId = await visibleCustomerId(tx, actor, idOrNumber);
    const current = await billing.lockContract(tx, customerId, contractId);
    if (!current) throw notFound('contract');
    if (input.status && input.status !== current.status && !CONTRACT_NEXT[current.status]?.includes(input.status)) {
      throw conflict('illegal_transition', `A ${current.status} contract cannot become ${input.status}.`, [{ field: 'status', message: `Allowed from ${current.status}: ${CONTRACT_NEXT[current.status]?.join(', ') || 'none'}.` }]);
    }
    const updated = await billing.updateContract(tx, current.id, input);
    const changes: FieldChange[] = (['title', 'status', 'endDate'] as const)
      .filter((field) => input[field] !== undefined && input[field] !== current[field])
      .map((field) => ({ field: `contract.${field}`, from: current[field], to: input[field] ?? null }));
    if (changes.length) await appendHistory(tx, { entityType: 'customer', entityId: customerId, actorId: actor.userId, action: 'contract_changed', changes: [{ field: 'contract', from: null, to: current.number }, ...changes] });
    return updated;
  });
  return contract;
}

/** All of a visible customer's contracts, newest first (the 360° view carries only the latest few). */
export async function listCustomerContracts(ctx: AppContext, actor: Actor, idOrNumber: string, q: { limit: number; cursor?: string }) {
  const customerId = await visibleCustomerId(ctx.database.db, actor, idOrNumber);
  const rows = await billing.listContracts(ctx.database.db, customerId, decodeCursor(q.cursor, timeIdCursor), q.limit);
  const result = page(rows, q.limit, (r) => [r.createdAt, r.id]);
  return { ...result, items: result.items.map((r) => ({ ...r, nextStatuses: [...(CONTRACT_NEXT[r.status] ?? [])] })) };
}

export async function listCustomerInvoices(ctx: AppContext, actor: Actor, idOrNumber: string, q: { limit: number; cursor?: string }) {
  const customerId = await visibleCustomerId(ctx.database.db, actor, idOrNumber);
  const rows = await billing.listInvoices(ctx.database.db, customerId, decodeCursor(q.cursor, timeIdCursor), q.limit);
  const result = page(rows, q.limit, (r) => [r.createdAt, r.id]);
  return { ...result, items: result.items.map((r) => ({ ...r, payable: isPayable(r), cancellable: isCancellable(r) })) };
}
