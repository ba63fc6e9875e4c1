import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { query } from '../../../../test/factories/index.ts';
import { headOf, recordStatements } from '../../../../test/statements.ts';

/**
 * What one POST /customers costs the database, counted at the executor (server/test/statements.ts:
 * every statement of the request, BEGIN/COMMIT and SAVEPOINTs included, but not the session lookup
 * every request makes, nor the outbox dispatcher and job polling that run after it). Before issue 10 a
 * company with one address cost 11 (12 with a phone or e-mail to check): the definitions, BEGIN, the
 * number, the customer, its addresses, history, the activity, outbox, the record and its addresses,
 * COMMIT (12 for a manager naming owner and team). Now: one statement of lookups (definitions,
 * duplicates, owner, team), and one that writes the customer with its number, addresses, history,
 * activity and event and answers the record.
 */
const MAX_PER_CREATE = 2;

describe('POST /customers: statements per create (issue 10)', () => {
  // One app for these its (starting one costs seconds): they share it and the sales and manager sessions; each it creates the records it counts.
  let t: TestApp;
  let sales: Agent;
  let manager: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    sales = await t.loginAs('sales');
    manager = await t.loginAs('manager');
  });
  afterAll(async () => t.stop());

  const create = async (who: Agent, body: Record<string, unknown>) => {
    let response: Awaited<ReturnType<Agent['post']>> | undefined;
    const statements = await recordStatements(t, async () => {
      response = await who.post('/api/v1/customers', body, { withoutIdempotencyKey: true });
    });
    return { response: response!, statements: statements.map(headOf) };
  };

  it('creates a company with addresses, contact details to check, history, activity and event in two statements', async () => {
    const { response, statements } = await create(sales, {
      type: 'company',
      companyName: 'Statements Co',
      email: 'hello@statements.test',
      phone: '+84 903 111 222',
      addresses: [{ city: 'Huế', country: 'VN' }, { kind: 'billing', city: 'Hà Nội', country: 'VN' }],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(MAX_PER_CREATE);
    const c = response.json();
    expect(c.addresses).toHaveLength(2);
    const written = await query<{ history: number; activities: number; events: number }>(
      t,
      `select (select count(*)::int from history where entity_type = 'customer' and entity_id = $1) as history,
              (select count(*)::int from activities where customer_id = $1) as activities,
              (select count(*)::int from outbox where event = 'customer.created' and payload->>'customerId' = $1::text and payload->>'number' = $2) as events`,
      [c.id, c.number],
    );
    expect(written).toEqual([{ history: 1, activities: 1, events: 1 }]);
  });

  it('stays at two when a manager names the owner and the team', async () => {
    const [team] = await query<{ id: string }>(t, `select id from teams where active order by name limit 1`);
    const sales2 = await t.loginAs('sales2@demo.test');
    const { response, statements } = await create(manager, { fullName: 'Owned Person', ownerId: sales2.me!.id, teamId: team.id });
    expect(response.statusCode, response.body).toBe(201);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(MAX_PER_CREATE);
    expect(response.json()).toMatchObject({ owner: { id: sales2.me!.id }, team: { id: team.id } });
  });

  it('refuses a duplicate after its one lookup, naming the field, writing nothing', async () => {
    await create(sales, { fullName: 'First Holder', email: 'taken@statements.test' });
    const before = await query<{ n: number }>(t, `select count(*)::int as n from customers`);
    const { response, statements } = await create(sales, { fullName: 'Second Holder', email: 'TAKEN@statements.test' });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual(['email']);
    expect(statements.length, statements.join('\n')).toBe(1);
    expect((await query<{ n: number }>(t, `select count(*)::int as n from customers`))[0].n).toBe(before[0].n);
  });
});
