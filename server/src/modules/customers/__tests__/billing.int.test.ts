import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../test/harness.ts';

describe('contracts, invoices and payments (CUS-5)', () => {
  // One app for these its (starting one costs seconds). The its rely on their order: the last one pages through the invoices and the contract the earlier ones wrote, and signs in as the user the 404 one created.
  let t: TestApp;
  let sales: Agent;
  let customer: string;
  beforeAll(async () => {
    t = await createTestApp();
    sales = await t.loginAs('sales1@demo.test');
    const created = await sales.post('/api/v1/customers', { type: 'company', companyName: 'Billing Probe Ltd', taxId: 'GB999888777' });
    expect(created.statusCode).toBe(201);
    customer = created.json().number;
  });
  afterAll(async () => t.stop());

  const newInvoice = async (amount: string) => {
    const response = await sales.post(`/api/v1/customers/${customer}/invoices`, { amount, currency: 'EUR' });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  const pay = (invoiceId: string, amount: string, who = sales) => who.post(`/api/v1/customers/${customer}/invoices/${invoiceId}/payments`, { amount, method: 'CARD', reference: 'R-1' });
  const invoiceFlags = async () => {
    const items = (await sales.get(`/api/v1/customers/${customer}/invoices?limit=100`)).json().items as { id: string; status: string; payable: boolean; cancellable: boolean }[];
    return new Map(items.map((i) => [i.id, { status: i.status, payable: i.payable, cancellable: i.cancellable }]));
  };
  const invoiceRow = async (id: string) => (await t.database.executor.query(`select paid_amount::text as paid, status from invoices where id = $1`, [id])).rows[0];

  it('a partial payment, then the rest: PARTIALLY_PAID, then PAID, in exact decimals', async () => {
    const id = await newInvoice('100.10');
    const first = await pay(id, '40.05');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ paidAmount: '40.05', status: 'PARTIALLY_PAID' });
    const second = await pay(id, '60.05');
    expect(second.json()).toMatchObject({ paidAmount: '100.10', status: 'PAID' });
    const history = (await t.database.executor.query(`select action, changes from history h join customers c on c.id = h.entity_id where c.number = $1 and action = 'payment_recorded'`, [customer])).rows;
    expect(history).toHaveLength(2);
    expect(JSON.stringify(history[0].changes)).toContain('CARD');
  });

  it('refuses more than is owed, naming the field, and changes nothing', async () => {
    const id = await newInvoice('50.00');
    await pay(id, '20.00');
    const over = await pay(id, '30.01');
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'overpayment', errors: [{ field: 'amount', message: 'At most 30.00.' }] });
    expect(await invoiceRow(id)).toEqual({ paid: '20.00', status: 'PARTIALLY_PAID' });
    expect((await pay(id, '0')).json().errors[0].field).toBe('amount');
    expect((await pay(id, '-5')).json().errors[0].field).toBe('amount');
  });

  it('refuses an invoice recorded as paid for more than its amount, even one cent over at sixteen digits, writing nothing', async () => {
    // A customer of its own: the paging it below counts this file's invoices.
    const own = (await sales.post('/api/v1/customers', { type: 'company', companyName: 'Big Ticket Probe Ltd', taxId: 'GB999888111' })).json().number;
    const count = async () => (await t.database.executor.query<{ n: number }>(`select count(*)::int as n from invoices i join customers c on c.id = i.customer_id where c.number = $1`, [own])).rows[0].n;
    // Through a double both amounts are the same number: only an exact comparison sees the cent.
    const over = await sales.post(`/api/v1/customers/${own}/invoices`, { amount: '1000000000000000.00', paidAmount: '1000000000000000.01', currency: 'EUR' });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors.map((e: { field: string }) => e.field)).toEqual(['paidAmount']);
    expect(await count()).toBe(0);
    const exact = await sales.post(`/api/v1/customers/${own}/invoices`, { amount: '1000000000000000.01', paidAmount: '1000000000000000.01', currency: 'EUR', status: 'PAID' });
    expect(exact.statusCode, exact.body).toBe(201);
    expect(await count()).toBe(1);
  });

  it('two payments at the same moment cannot together exceed the amount', async () => {
    const id = await newInvoice('100.00');
    const results = await Promise.all([pay(id, '60.00'), pay(id, '60.00')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    expect(await invoiceRow(id)).toEqual({ paid: '60.00', status: 'PARTIALLY_PAID' });
  });

  it('a paid or cancelled invoice takes no payment; only an unpaid one can be cancelled', async () => {
    const paid = await newInvoice('10.00');
    await pay(paid, '10.00');
    expect((await pay(paid, '1.00')).json().code).toBe('invoice_not_payable');
    expect((await sales.post(`/api/v1/customers/${customer}/invoices/${paid}/cancel`)).json().code).toBe('invoice_not_cancellable');
    const partly = await newInvoice('10.00');
    await pay(partly, '1.00');
    expect((await sales.post(`/api/v1/customers/${customer}/invoices/${partly}/cancel`)).json().code).toBe('invoice_has_payments');
    const unpaid = await newInvoice('10.00');
    const cancelled = await sales.post(`/api/v1/customers/${customer}/invoices/${unpaid}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'CANCELLED' });
    expect((await pay(unpaid, '1.00')).statusCode).toBe(409);
    // The list says the same per row, so the UI offers exactly what these answers allow.
    const listed = await invoiceFlags();
    expect(listed.get(paid)).toEqual({ status: 'PAID', payable: false, cancellable: false });
    expect(listed.get(partly)).toEqual({ status: 'PARTIALLY_PAID', payable: true, cancellable: false });
    expect(listed.get(unpaid)).toEqual({ status: 'CANCELLED', payable: false, cancellable: false });
    const fresh = await newInvoice('10.00');
    expect((await invoiceFlags()).get(fresh)).toEqual({ status: 'ISSUED', payable: true, cancellable: true });
  });

  it('contracts move DRAFT → ACTIVE → TERMINATED and never back', async () => {
    const created = await sales.post(`/api/v1/customers/${customer}/contracts`, { title: 'Support plan', value: '1200.00' });
    const id = created.json().id;
    const url = `/api/v1/customers/${customer}/contracts/${id}`;
    const nextOf = async () => ((await sales.get(`/api/v1/customers/${customer}/contracts?limit=100`)).json().items as { id: string; nextStatuses: string[] }[]).find((c) => c.id === id)?.nextStatuses;
    expect(await nextOf()).toEqual(['ACTIVE', 'TERMINATED']);
    const skip = await sales.patch(url, { status: 'EXPIRED' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json()).toMatchObject({ code: 'illegal_transition', errors: [{ field: 'status' }] });
    expect((await sales.patch(url, { status: 'ACTIVE' })).json()).toMatchObject({ status: 'ACTIVE', version: 2 });
    expect(await nextOf()).toEqual(['EXPIRED', 'TERMINATED']);
    expect((await sales.patch(url, { status: 'TERMINATED', endDate: '2026-12-31' })).json()).toMatchObject({ status: 'TERMINATED', endDate: '2026-12-31' });
    expect((await sales.patch(url, { status: 'ACTIVE' })).statusCode).toBe(409);
    expect(await nextOf()).toEqual([]);
    expect((await sales.patch(url, {})).json().errors[0].field).toBe('status');
  });

  it('a sales user of another team gets 404 for the customer and its invoices; an agent may not write billing', async () => {
    const id = await newInvoice('5.00');
    const admin = await t.loginAs('admin');
    const outsider = await admin.post('/api/v1/users', { email: 'billing.outsider@demo.test', name: 'Billing Outsider', role: 'sales', password: 'switchboard' });
    expect(outsider.statusCode).toBe(201);
    const other = await t.loginAs('billing.outsider@demo.test');
    const response = await pay(id, '1.00', other);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('not_found');
    const agent = await t.loginAs('agent');
    expect((await pay(id, '1.00', agent)).statusCode).toBe(403);
    expect(await invoiceRow(id)).toEqual({ paid: '0.00', status: 'ISSUED' });
    // An invoice of another customer, addressed through this customer, is missing too.
    const { rows } = await t.database.executor.query(`select i.id from invoices i join customers c on c.id = i.customer_id where c.number <> $1 limit 1`, [customer]);
    expect((await pay(rows[0].id, '1.00')).statusCode).toBe(404);
  });

  it('lists all of a customer\'s invoices and contracts newest first, page by page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await sales.get(`/api/v1/customers/${customer}/invoices?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const body: { items: { id: string; createdAt: string; paidAmount: string }[]; nextCursor: string | null } = response.json();
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((i) => i.createdAt));
      cursor = body.nextCursor;
    } while (cursor);
    const { rows } = await t.database.executor.query<{ n: number }>(`select count(*)::int as n from invoices i join customers c on c.id = i.customer_id where c.number = $1`, [customer]);
    expect(seen).toHaveLength(rows[0].n);
    expect(seen).toEqual([...seen].sort().reverse());
    const contracts = (await sales.get(`/api/v1/customers/${customer}/contracts`)).json();
    expect(contracts.items[0]).toMatchObject({ title: 'Support plan', value: '1200.00', status: 'TERMINATED', endDate: '2026-12-31' });
    expect((await sales.get(`/api/v1/customers/${customer}/invoices?cursor=nonsense`)).json().errors[0].field).toBe('cursor');
    const outsider = await t.loginAs('billing.outsider@demo.test');
    expect((await outsider.get(`/api/v1/customers/${customer}/invoices`)).statusCode).toBe(404);
  });
});
