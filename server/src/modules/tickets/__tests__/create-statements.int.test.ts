import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { customerOf, FIELDS, query } from '../../../../test/factories/index.ts';
import { headOf, recordStatements } from '../../../../test/statements.ts';

/**
 * What one POST /tickets costs the database, counted at the executor (server/test/statements.ts:
 * every statement of the request, BEGIN/COMMIT and SAVEPOINTs included, but not the session lookup
 * every request makes, nor the outbox dispatcher and job polling that run after it). Before issue 10
 * an agent's ticket cost 15: three lookups, BEGIN, the customer again, the number, the insert, two SLA
 * reads and an update, history, outbox, COMMIT, then the detail and its relations (17 with a component
 * and a processor). Now: one statement of lookups, and one that writes the ticket with its number, SLA
 * targets, history and event and answers its detail. A per-field history insert, a lookup per
 * reference or an N+1 fails these.
 */
const MAX_PER_CREATE = 2;

describe('POST /tickets: statements per create (issue 10)', () => {
  // One app for these its (starting one costs seconds): they share it and the agent, manager and client sessions; each it creates the records it counts.
  let t: TestApp;
  let agent: Agent;
  let manager: Agent;
  let client: Agent;
  let customerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    agent = await t.loginAs('agent1@demo.test');
    manager = await t.loginAs('manager');
    client = await t.loginAs('client1@demo.test');
    customerId = await customerOf(t, 'client1@demo.test');
  });
  afterAll(async () => t.stop());

  const open = async (who: Agent, body: Record<string, unknown>) => {
    let response: Awaited<ReturnType<Agent['post']>> | undefined;
    const statements = await recordStatements(t, async () => {
      response = await who.post('/api/v1/tickets', { title: 'Printer jams', description: 'Paper jams on every print.', type: 'hr', typeFields: FIELDS.hr, ...body }, { withoutIdempotencyKey: true });
    });
    return { response: response!, statements: statements.map(headOf) };
  };

  it('opens an agent’s ticket for a customer in two statements, history and event included', async () => {
    const { response, statements } = await open(agent, { customerId });
    expect(response.statusCode, response.body).toBe(201);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(MAX_PER_CREATE);
    const ticket = response.json();
    const history = await query<{ action: string; changes: { field: string }[] }>(t, `select action, changes from history where entity_type = 'ticket' and entity_id = $1`, [ticket.id]);
    expect(history).toEqual([{ action: 'created', changes: expect.arrayContaining([expect.objectContaining({ field: 'status' })]) }]);
    const events = await query<{ payload: { ticketId: string; number: string } }>(t, `select payload from outbox where event = 'ticket.created' and payload->>'ticketId' = $1`, [ticket.id]);
    expect(events.map((e) => e.payload.number)).toEqual([ticket.number]);
  });

  it('stays at two with a component, a processor and telesales fields (more history, no more statements)', async () => {
    const [component] = await query<{ id: string }>(t, `select id from ticket_components where active order by key limit 1`);
    const { response, statements } = await open(manager, { customerId, componentId: component.id, processorId: manager.me!.id, tags: ['vip'], campaignRef: 'Spring', productInterest: ['Mesh', 'Router'] });
    expect(response.statusCode, response.body).toBe(201);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(MAX_PER_CREATE);
    expect(response.json()).toMatchObject({ status: 'in_progress', processor: { id: manager.me!.id }, component: { id: component.id } });
  });

  it('opens a client’s portal ticket in two statements too', async () => {
    const { response, statements } = await open(client, {});
    expect(response.statusCode, response.body).toBe(201);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(MAX_PER_CREATE);
    expect(response.json()).toMatchObject({ source: 'portal', customer: { id: customerId } });
  });

  it('refuses an invalid ticket after its one lookup, naming the fields, writing nothing', async () => {
    const before = await query<{ n: number }>(t, `select count(*)::int as n from tickets`);
    const { response, statements } = await open(agent, { customerId: '00000000-0000-4000-8000-000000000000', type: 'astrology' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual(['type', 'customerId']);
    expect(statements.length, statements.join('\n')).toBe(1);
    expect((await query<{ n: number }>(t, `select count(*)::int as n from tickets`))[0].n).toBe(before[0].n);
  });
});
