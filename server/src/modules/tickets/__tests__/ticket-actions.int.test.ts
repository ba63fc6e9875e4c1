import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { ifMatch, openTicket } from '../../../../test/factories/index.ts';

/** The detail answer says what its reader may do now, so the web offers exactly the moves the server allows. */
describe('tickets: allowedTransitions and canEscalate on the detail', () => {
  // One app for these its (starting one costs seconds); each it opens the tickets it moves.
  let t: TestApp;
  let agent: Agent;
  let client: Agent;
  let auditor: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    agent = await t.loginAs('agent1@demo.test');
    client = await t.loginAs('client1@demo.test');
    auditor = await t.loginAs('auditor');
  });
  afterAll(() => t.stop());

  const detail = async (who: Agent, number: string) => {
    const response = await who.get(`/api/v1/tickets/${number}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { status: string; version: number; allowedTransitions: string[]; canEscalate: boolean; canRate: boolean; sla: { running: boolean } };
  };
  const move = async (number: string, version: number, status: string) => {
    const response = await agent.post(`/api/v1/tickets/${number}/status`, { status }, ifMatch(version));
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { version: number; allowedTransitions: string[] };
  };

  it('offers an agent the staff moves of a new ticket, a client none, an auditor none', async () => {
    const ticket = await openTicket(client, { priority: 3 });
    expect(ticket.status).toBe('new');
    expect((await detail(agent, ticket.number)).allowedTransitions).toEqual(['in_progress']);
    expect((await detail(client, ticket.number)).allowedTransitions).toEqual([]);
    expect((await detail(auditor, ticket.number)).allowedTransitions).toEqual([]);
  });

  it("offers a client exactly close and reopen on a resolved ticket, and the write answers carry the reader's moves", async () => {
    const ticket = await openTicket(client, { priority: 3 });
    const started = await move(ticket.number, ticket.version, 'in_progress');
    expect(started.allowedTransitions).toEqual(['waiting_on_customer', 'resolved']);
    await move(ticket.number, started.version, 'resolved');
    expect((await detail(client, ticket.number)).allowedTransitions).toEqual(['closed', 'in_progress']);
    expect((await detail(agent, ticket.number)).allowedTransitions).toEqual(['closed', 'in_progress']);
  });

  it('says when the client may rate and whether the SLA clocks run, and lists open tickets by the open view', async () => {
    const ticket = await openTicket(client, { priority: 3 });
    const fresh = await detail(client, ticket.number);
    expect(fresh.canRate).toBe(false);
    expect(fresh.sla.running).toBe(true);
    const inOpenView = async () => ((await client.get('/api/v1/tickets?view=open&limit=100')).json().items as { number: string }[]).some((x) => x.number === ticket.number);
    expect(await inOpenView()).toBe(true);

    const started = await move(ticket.number, ticket.version, 'in_progress');
    await move(ticket.number, started.version, 'resolved');
    const resolved = await detail(client, ticket.number);
    expect(resolved.canRate).toBe(true);
    expect(resolved.sla.running).toBe(false);
    expect((await detail(agent, ticket.number)).canRate).toBe(false);
    expect(await inOpenView()).toBe(false);
  });

  it('offers escalation for priority 4 while open, never for priority 3, and not once resolved', async () => {
    const low = await openTicket(client, { priority: 3 });
    expect((await detail(client, low.number)).canEscalate).toBe(false);
    expect((await detail(agent, low.number)).canEscalate).toBe(false);
    // What the flag promised is what the server does.
    expect((await client.post(`/api/v1/tickets/${low.number}/escalate`, { reason: 'Urgent' }, ifMatch(low.version))).statusCode).toBe(422);

    const high = await openTicket(client, { priority: 4 });
    expect((await detail(client, high.number)).canEscalate).toBe(true);
    expect((await detail(agent, high.number)).canEscalate).toBe(true);
    expect((await detail(auditor, high.number)).canEscalate).toBe(false);
    const started = await move(high.number, high.version, 'in_progress');
    await move(high.number, started.version, 'resolved');
    expect((await detail(client, high.number)).canEscalate).toBe(false);
  });
});
