import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { multipart } from '../../../../test/multipart.ts';

const ifMatch = (v: number | string) => ({ headers: { 'if-match': `"${v}"` } });

/**
 * CUS-1 values, honest until opportunities exist (decision 0006): lifetime value is what the customer
 * has paid on invoices, kept by every write that changes a paid amount; total value (open pipeline)
 * is unknown (null) — never a made-up figure, and no client can write either.
 */
describe('customer lifetime and total value (CUS-1)', () => {
  // One app for these its (starting one costs seconds): the its share it and the signed-in agents; each it creates the customers it changes.
  let t: TestApp;
  let sales: Agent;
  let admin: Agent;
  const q = async (text: string, params: unknown[] = []) => (await t.database.executor.query(text, params)).rows;
  const create = async (body: Record<string, unknown>) => {
    const r = await sales.post('/api/v1/customers', body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string; number: string; version: number; lifetimeValue: string; totalValue: string | null };
  };
  const invoice = async (customer: string, body: Record<string, unknown>) => {
    const r = await sales.post(`/api/v1/customers/${customer}/invoices`, body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const values = async (customer: string) => {
    const c = (await sales.get(`/api/v1/customers/${customer}`)).json();
    return { lifetimeValue: c.lifetimeValue, totalValue: c.totalValue };
  };

  beforeAll(async () => {
    t = await createTestApp();
    sales = await t.loginAs('sales1@demo.test');
    admin = await t.loginAs('admin');
  });
  afterAll(async () => t.stop());

  it('a new customer has paid nothing and has no known open value', async () => {
    const c = await create({ fullName: 'Value Zero' });
    expect([c.lifetimeValue, c.totalValue]).toEqual(['0.00', null]);
    expect(await values(c.number)).toEqual({ lifetimeValue: '0.00', totalValue: null });
  });

  it('lifetime value is the exact sum of paid amounts: paid, partially paid and unpaid invoices, then payments', async () => {
    const c = await create({ type: 'company', companyName: 'Value Sum Ltd', taxId: 'GB555000111' });
    await invoice(c.number, { amount: '100.10', paidAmount: '100.10', status: 'PAID' });
    const partial = await invoice(c.number, { amount: '50.00', paidAmount: '20.25', status: 'PARTIALLY_PAID' });
    const unpaid = await invoice(c.number, { amount: '30.00' });
    // Amounts whose float sum is not exact (0.1 + 0.2): the total is summed as decimals.
    await invoice(c.number, { amount: '0.10', paidAmount: '0.10', status: 'PAID' });
    await invoice(c.number, { amount: '0.20', paidAmount: '0.20', status: 'PAID' });
    expect(await values(c.number)).toEqual({ lifetimeValue: '120.65', totalValue: null });

    expect((await sales.post(`/api/v1/customers/${c.number}/invoices/${partial}/payments`, { amount: '29.75' })).statusCode).toBe(200);
    expect((await sales.post(`/api/v1/customers/${c.number}/invoices/${unpaid}/payments`, { amount: '0.01' })).statusCode).toBe(200);
    expect((await values(c.number)).lifetimeValue).toBe('150.41');
    // A refused payment changes nothing.
    expect((await sales.post(`/api/v1/customers/${c.number}/invoices/${unpaid}/payments`, { amount: '30.00' })).statusCode).toBe(422);
    // Cancelling an unpaid invoice takes nothing away.
    const another = await invoice(c.number, { amount: '9.99' });
    expect((await sales.post(`/api/v1/customers/${c.number}/invoices/${another}/cancel`)).statusCode).toBe(200);
    expect((await values(c.number)).lifetimeValue).toBe('150.41');

    // The stored figure equals what the invoices say, and the list, the 360° view and the export say the same.
    expect(await q(`select c.lifetime_value::text as v, (select sum(paid_amount)::text from invoices where customer_id = c.id) as paid from customers c where c.id = $1`, [c.id])).toEqual([{ v: '150.41', paid: '150.41' }]);
    const listed = (await sales.get(`/api/v1/customers?q=${encodeURIComponent('Value Sum Ltd')}`)).json().items;
    expect(listed.map((i: { lifetimeValue: string; totalValue: string | null }) => [i.lifetimeValue, i.totalValue])).toEqual([['150.41', null]]);
    expect((await sales.get(`/api/v1/customers/${c.number}/overview`)).json().customer).toMatchObject({ lifetimeValue: '150.41', totalValue: null });
    const csv = (await sales.get(`/api/v1/customers/export.csv?q=${encodeURIComponent('Value Sum Ltd')}`)).body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const header = csv[0].split(',');
    const row = csv[1].split(',');
    expect([row[header.indexOf('totalValue')], row[header.indexOf('lifetimeValue')]]).toEqual(['', '150.41']);
  });

  it('two payments at the same moment on different invoices both count', async () => {
    const c = await create({ fullName: 'Value Concurrent' });
    const a = await invoice(c.number, { amount: '10.00' });
    const b = await invoice(c.number, { amount: '20.00' });
    const results = await Promise.all([
      sales.post(`/api/v1/customers/${c.number}/invoices/${a}/payments`, { amount: '10.00' }),
      sales.post(`/api/v1/customers/${c.number}/invoices/${b}/payments`, { amount: '20.00' }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect((await values(c.number)).lifetimeValue).toBe('30.00');
  });

  it('a merge moves the invoices and their paid amounts to the customer that stays', async () => {
    const p = await create({ fullName: 'Value Merge Primary' });
    const s = await create({ fullName: 'Value Merge Secondary' });
    await invoice(p.number, { amount: '40.00', paidAmount: '15.50', status: 'PARTIALLY_PAID' });
    await invoice(s.number, { amount: '25.00', paidAmount: '25.00', status: 'PAID' });
    const r = await sales.post('/api/v1/customer-merges', { primary: p.number, secondary: s.number, primaryVersion: p.version, secondaryVersion: s.version });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().customer).toMatchObject({ lifetimeValue: '40.50', totalValue: null });
    expect(await values(s.number)).toEqual({ lifetimeValue: '0.00', totalValue: null });
  });

  it('no one writes the values through the API: create and update refuse them, naming the field, and write nothing', async () => {
    const before = await q(`select count(*)::int as n from customers`);
    for (const field of ['lifetimeValue', 'totalValue']) {
      for (const agent of [sales, admin]) {
        const r = await agent.post('/api/v1/customers', { fullName: `Value Writer ${field}`, [field]: '1000000.00' });
        expect(r.statusCode, r.body).toBe(400);
        expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    }
    expect(await q(`select count(*)::int as n from customers`)).toEqual(before);

    const c = await create({ fullName: 'Value Patch Target' });
    for (const field of ['lifetimeValue', 'totalValue']) {
      const r = await admin.patch(`/api/v1/customers/${c.number}`, { [field]: '999.00' }, ifMatch(c.version));
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await values(c.number)).toEqual({ lifetimeValue: '0.00', totalValue: null });
  });

  it('an import cannot fill them either: an exported file’s value columns are left unmapped, and mapping one is refused naming it', async () => {
    const file = multipart([{ filename: 'customers.csv', contentType: 'text/csv', data: 'fullName,lifetimeValue,totalValue\r\nValue Importer,5000000.00,100.00\r\n' }]);
    const up = await sales.request('POST', '/api/v1/customer-imports', file.body, { headers: file.headers });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().mapping).toEqual(['fullName', null, null]);
    for (const [i, mapping] of [[1, ['fullName', 'lifetimeValue', null]], [2, ['fullName', null, 'totalValue']]] as const) {
      const r = await sales.post(`/api/v1/customer-imports/${up.json().id}/preview`, { mapping });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(`mapping.${i}`);
    }
    expect(await q(`select count(*)::int as n from customers where name = 'Value Importer'`)).toEqual([{ n: 0 }]);
  });

  it('the demo data follows: every customer’s lifetime value is its invoices’ paid sum, and no open value is made up', async () => {
    const wrong = await q(`select c.number, c.lifetime_value::text as stored, coalesce(i.paid, 0)::text as paid
      from customers c left join (select customer_id, sum(paid_amount) as paid from invoices group by customer_id) i on i.customer_id = c.id
      where c.lifetime_value is distinct from coalesce(i.paid, 0)`);
    expect(wrong).toEqual([]);
    expect(await q(`select count(*)::int as n from customers where total_value is not null`)).toEqual([{ n: 0 }]);
    // The demo has customers who paid something, so the check above compares real figures.
    expect((await q(`select count(*)::int as n from customers where lifetime_value > 0`))[0].n).toBeGreaterThan(10);
  });

  it('migration 0013 replaces made-up figures in an existing database by what the invoices say', async () => {
    const c = await create({ fullName: 'Value Migrated' });
    await invoice(c.number, { amount: '80.00', paidAmount: '33.33', status: 'PARTIALLY_PAID' });
    // An existing database as the old seed left it: random figures on both columns.
    await q(`update customers set lifetime_value = 123456.78, total_value = 9999.00 where id = $1 or number in (select number from customers order by number limit 50)`, [c.id]);
    const migration = readFileSync(new URL('../../../../migrations/0013_customer_values_from_invoices.sql', import.meta.url), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint')) await q(statement);
    expect(await values(c.number)).toEqual({ lifetimeValue: '33.33', totalValue: null });
    const wrong = await q(`select c.number from customers c
      where c.total_value is not null or c.lifetime_value <> (select coalesce(sum(paid_amount), 0) from invoices where customer_id = c.id)`);
    expect(wrong).toEqual([]);
  });
});
