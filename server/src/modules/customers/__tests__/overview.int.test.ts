import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../test/harness.ts';
import { waitFor } from '../../../../test/wait.ts';

/**
 * Counts the statements a request sends to the database. Background work shares the executor — job
 * polling (schema pgboss), the outbox dispatcher — and so does the session check every request makes
 * (with its occasional touch); those are left out, so what remains is the endpoint's own SQL.
 */
async function countStatements(t: TestApp, fn: () => Promise<unknown>) {
  const executor = t.database.executor;
  const original = executor.query.bind(executor);
  let count = 0;
  executor.query = ((...args: Parameters<typeof original>) => {
    if (!/pgboss|"outbox"|"sessions"/.test(args[0])) count++;
    return original(...args);
  }) as typeof executor.query;
  try {
    await fn();
  } finally {
    executor.query = original;
  }
  return count;
}

describe('360° view (CUS-3)', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let sales: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    sales = await t.loginAs('sales');
  });
  afterAll(async () => t.stop());

  it('merges history, activities, contracts and invoices into one timeline, newest first, with summaries', async () => {
    const c = (await sales.post('/api/v1/customers', { type: 'company', companyName: 'Timeline Co', addresses: [{ city: 'Huế', country: 'VN' }] })).json();
    const call = (await sales.post('/api/v1/activities', { type: 'CALL', subject: 'Intro call', customerId: c.number, startAt: new Date(Date.now() - 60_000).toISOString(), status: 'COMPLETED' })).json();
    const contract = await sales.post(`/api/v1/customers/${c.id}/contracts`, { title: 'Support 2026', value: '1200000.50', status: 'ACTIVE', startDate: '2026-01-01', endDate: '2026-12-31' });
    expect(contract.statusCode).toBe(201);
    const invoice = await sales.post(`/api/v1/customers/${c.id}/invoices`, { amount: '300000', paidAmount: '100000', dueDate: '2026-02-01', status: 'PARTIALLY_PAID' });
    expect(invoice.statusCode).toBe(201);
    expect((await sales.post(`/api/v1/customers/${c.id}/invoices`, { amount: '10', paidAmount: '20' })).json().errors[0].field).toBe('paidAmount');

    const o = (await sales.get(`/api/v1/customers/${c.number}/overview`)).json();
    expect(o.customer).toMatchObject({ id: c.id, name: 'Timeline Co', addresses: [{ city: 'Huế', isPrimary: true }] });
    expect(o.sections.contracts).toMatchObject({ count: 1, active: 1, activeValue: '1200000.50' });
    expect(o.sections.invoices).toMatchObject({ count: 1, unpaid: 1, outstanding: '200000.00' });
    expect(o.sections.activities).toMatchObject({ count: 2, completed: 2 });
    const kinds = o.timeline.items.map((i: { kind: string }) => i.kind);
    expect(new Set(kinds)).toEqual(new Set(['history', 'activity', 'contract', 'invoice']));
    const times = o.timeline.items.map((i: { at: string }) => i.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(o.timeline.items.some((i: { id: string }) => i.id === call.id)).toBe(true);

    // Paging the timeline returns every item once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { kind: string; id: string }[]; nextCursor: string | null } = (await sales.get(`/api/v1/customers/${c.id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((i: { kind: string; id: string }) => `${i.kind}:${i.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(new Set(seen).size);
    expect(seen.length).toBe(o.timeline.items.length);
  });

  it('costs a fixed number of SQL statements whatever the amount of linked data', async () => {
    const small = (await sales.post('/api/v1/customers', { fullName: 'Small Data' })).json();
    const big = (await sales.post('/api/v1/customers', { fullName: 'Big Data' })).json();
    await t.database.executor.query(
      `insert into activities (type, subject, customer_id, start_at, status, owner_id)
       select 'CALL', 'Call ' || g, $1, now() - make_interval(hours => g), 'COMPLETED', $2 from generate_series(1, 300) g`,
      [big.id, sales.me!.id],
    );
    for (let i = 0; i < 5; i++) await sales.post(`/api/v1/customers/${big.id}/contracts`, { title: `C${i}`, value: 100 });
    for (let i = 0; i < 5; i++) await sales.post(`/api/v1/customers/${big.id}/invoices`, { amount: 50 });
    // Let the dispatcher finish with the events of the writes above before measuring.
    await waitFor('the outbox to drain', async () => (await t.database.executor.query(`select count(*)::int as n from outbox where dispatched_at is null`)).rows[0].n === 0);
    const smallCount = await countStatements(t, () => sales.get(`/api/v1/customers/${small.id}/overview`));
    const bigCount = await countStatements(t, () => sales.get(`/api/v1/customers/${big.id}/overview?timelineLimit=200`));
    const bigBody = (await sales.get(`/api/v1/customers/${big.id}/overview?timelineLimit=200`)).json();
    expect(bigBody.sections.activities.count).toBe(301);
    expect(bigBody.timeline.items.length).toBe(200);
    expect(bigCount).toBe(smallCount);
    // The visible customer, then everything else in one statement.
    expect(smallCount).toBe(2);
  });
});
