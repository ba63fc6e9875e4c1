import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { listenForSockets, subscribe, type TestSockets } from '../../../../test/sockets.ts';
import { waitFor } from '../../../../test/wait.ts';
import { customerOf, ifMatch, openTicket, query } from '../../../../test/factories/index.ts';

type Ticket = Awaited<ReturnType<typeof openTicket>>;

/** TKT-7 escalation and TKT-12 satisfaction: who may, when, and that a refusal writes nothing. */
describe('tickets: escalation and satisfaction', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let sockets: TestSockets;
  let agent: Agent;
  let client1: Agent;
  let client2: Agent;
  let auditor: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    sockets = await listenForSockets(t);
    agent = await t.loginAs('agent1@demo.test');
    client1 = await t.loginAs('client1@demo.test');
    client2 = await t.loginAs('client2@demo.test');
    auditor = await t.loginAs('auditor');
  });
  afterAll(async () => {
    sockets.close();
    await t.stop();
  });

  /** A staff socket in the ticket's room, recording every ticket.updated it gets. */
  async function watch(ticket: Ticket) {
    const socket = await sockets.asBrowser(agent);
    const updates: { fields: string[]; version: number }[] = [];
    socket.on('ticket.updated', (p) => updates.push(p));
    expect(await subscribe(socket, `ticket:${ticket.number}`)).toEqual({ ok: true });
    return updates;
  }

  const detail = async (ticket: Ticket) => (await agent.get(`/api/v1/tickets/${ticket.number}`)).json();
  const history = async (who: Agent, ticket: Ticket) => (await who.get(`/api/v1/tickets/${ticket.number}/history`)).json().items as { action: string; text: string }[];
  const events = (name: string, ticket: Ticket) => query<{ payload: any }>(t, `select payload from outbox where event = $1 and payload->>'ticketId' = $2 order by id`, [name, ticket.id]);
  const escalate = (who: Agent, ticket: { number: string }, version: number, reason = 'Production is down') =>
    who.post(`/api/v1/tickets/${ticket.number}/escalate`, { reason }, ifMatch(version));

  it('lets the client escalate a priority 5 ticket: level, reason, history, event and a realtime update', async () => {
    const ticket = await openTicket(client1, { priority: 5 });
    const updates = await watch(ticket);
    const response = await escalate(client1, ticket, ticket.version);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe(`"${ticket.version + 1}"`);
    expect(response.json()).toMatchObject({ escalationLevel: 1, escalationReason: 'Production is down', version: ticket.version + 1 });
    expect(response.json().escalatedAt).toEqual(expect.any(String));
    expect((await history(client1, ticket))[0]).toMatchObject({ action: 'escalated', text: 'Chris Client escalated the ticket to level 1: Production is down' });
    expect(await events('ticket.escalated', ticket)).toEqual([
      { payload: expect.objectContaining({ number: ticket.number, changes: [{ field: 'escalationLevel', from: 0, to: 1 }, { field: 'escalationReason', from: null, to: 'Production is down' }] }) },
    ]);
    await waitFor('the realtime update', () => updates.find((u) => u.fields.includes('escalationLevel')));
    expect(updates.find((u) => u.fields.includes('escalationLevel'))!.version).toBe(ticket.version + 1);

    // Staff raise it once more: each escalation is a level.
    const again = await escalate(agent, ticket, ticket.version + 1, 'Still down after two hours');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ escalationLevel: 2, escalationReason: 'Still down after two hours' });
    const list = await agent.get('/api/v1/tickets', { query: { q: ticket.number } });
    expect(list.json().items[0].escalationLevel).toBe(2);
  });

  it('refuses priority 3 and lower (422, field priority) and changes nothing', async () => {
    for (const priority of [1, 3]) {
      const ticket = await openTicket(client1, { priority });
      const response = await escalate(client1, ticket, ticket.version);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'escalation_not_allowed', errors: [{ field: 'priority' }] });
      expect(await detail(ticket)).toMatchObject({ escalationLevel: 0, escalationReason: null, escalatedAt: null, version: ticket.version });
      expect(await events('ticket.escalated', ticket)).toEqual([]);
    }
  });

  it('refuses resolved and closed tickets (422, field status)', async () => {
    const ticket = await openTicket(agent, { priority: 4, customerId: await customerOf(t, 'client1@demo.test') });
    let version = ticket.version;
    for (const status of ['in_progress', 'resolved']) version = (await agent.post(`/api/v1/tickets/${ticket.number}/status`, { status }, ifMatch(version))).json().version;
    const resolved = await escalate(agent, ticket, version);
    expect(resolved.statusCode).toBe(422);
    expect(resolved.json().errors).toEqual([{ field: 'status', message: expect.any(String) }]);
    version = (await client1.post(`/api/v1/tickets/${ticket.number}/status`, { status: 'closed' }, ifMatch(version))).json().version;
    const closed = await escalate(client1, ticket, version);
    expect(closed.statusCode).toBe(422);
    expect(closed.json().errors[0].field).toBe('status');
    expect((await detail(ticket)).escalationLevel).toBe(0);
  });

  it('answers a stale If-Match with 412 and a missing one with 428, nothing changed', async () => {
    const ticket = await openTicket(agent, { priority: 5, customerId: await customerOf(t, 'client1@demo.test') });
    await agent.patch(`/api/v1/tickets/${ticket.number}`, { title: 'Edited meanwhile' }, ifMatch(ticket.version));
    const stale = await escalate(agent, ticket, ticket.version);
    expect(stale.statusCode).toBe(412);
    expect((await agent.post(`/api/v1/tickets/${ticket.number}/escalate`, { reason: 'x' })).statusCode).toBe(428);
    expect(await detail(ticket)).toMatchObject({ escalationLevel: 0, version: ticket.version + 1 });
  });

  it("gives another customer's client 404, by number and by id, and changes nothing", async () => {
    const ticket = await openTicket(client1, { priority: 5 });
    for (const ref of [ticket.number, ticket.id]) {
      const response = await escalate(client2, { number: ref }, ticket.version);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(ticket.number);
    }
    expect(await detail(ticket)).toMatchObject({ escalationLevel: 0, version: ticket.version });
    expect(await events('ticket.escalated', ticket)).toEqual([]);
  });

  it('checks the body (reason 1..1000, strict) and keeps auditors out (403)', async () => {
    const ticket = await openTicket(client1, { priority: 5 });
    for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(1001) }, { reason: 'ok', level: 3 }]) {
      const response = await client1.post(`/api/v1/tickets/${ticket.number}/escalate`, body, ifMatch(ticket.version));
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await escalate(auditor, ticket, ticket.version)).statusCode).toBe(403);
    expect((await detail(ticket)).version).toBe(ticket.version);
  });

  /** A ticket of client1's customer moved to the given status by staff. */
  async function ticketIn(status: 'in_progress' | 'resolved' | 'closed') {
    const ticket = await openTicket(client1, {});
    let version = ticket.version;
    const path = { in_progress: ['in_progress'], resolved: ['in_progress', 'resolved'], closed: ['in_progress', 'resolved', 'closed'] }[status];
    for (const s of path) version = (await agent.post(`/api/v1/tickets/${ticket.number}/status`, { status: s }, ifMatch(version))).json().version;
    return { ...ticket, version };
  }
  const rate = (who: Agent, ref: string, body: unknown) => who.post(`/api/v1/tickets/${ref}/satisfaction`, body);

  it('lets the client rate a resolved ticket, and a second rating replaces the first (history keeps both)', async () => {
    const ticket = await ticketIn('resolved');
    const updates = await watch(ticket);
    const first = await rate(client1, ticket.number, { rating: 4, comment: 'Quick and friendly' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ satisfactionRating: 4, satisfaction: { rating: 4, comment: 'Quick and friendly' }, version: ticket.version + 1 });
    expect(first.json().satisfaction.ratedAt).toEqual(expect.any(String));
    expect((await history(client1, ticket))[0]).toMatchObject({ action: 'rated', text: 'Chris Client rated 4/5' });
    await waitFor('the realtime update', () => updates.find((u) => u.fields.includes('satisfactionRating')));

    const second = await rate(client1, ticket.id, { rating: 2 });
    expect(second.statusCode).toBe(200);
    expect(second.json().satisfaction).toMatchObject({ rating: 2, comment: null });
    expect((await history(agent, ticket)).filter((h) => h.action === 'rated').map((h) => h.text)).toEqual(['Chris Client rated 2/5', 'Chris Client rated 4/5']);
    expect((await events('ticket.rated', ticket)).map((e) => [e.payload.rating, e.payload.previousRating])).toEqual([[4, null], [2, 4]]);
  });

  it('accepts a closed ticket and refuses open ones (422, field status)', async () => {
    const closed = await ticketIn('closed');
    expect((await rate(client1, closed.number, { rating: 5 })).statusCode).toBe(200);
    for (const ticket of [await openTicket(client1, {}), await ticketIn('in_progress')]) {
      const response = await rate(client1, ticket.number, { rating: 5 });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([{ field: 'status', message: expect.any(String) }]);
      expect((await detail(ticket)).satisfaction).toBeNull();
    }
  });

  it('keeps the rating within 1..5 (400 naming rating) and the comment within 2000 characters', async () => {
    const ticket = await ticketIn('resolved');
    for (const rating of [0, 6, 4.5, '4', null]) {
      const response = await rate(client1, ticket.number, { rating });
      expect(response.statusCode, String(rating)).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain('rating');
    }
    const long = await rate(client1, ticket.number, { rating: 3, comment: 'x'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].field).toBe('comment');
    expect((await detail(ticket)).satisfaction).toBeNull();
  });

  it('refuses staff (403) and gives another customer 404, with nothing written', async () => {
    const ticket = await ticketIn('resolved');
    for (const staff of [agent, auditor, await t.loginAs('admin')]) {
      const response = await rate(staff, ticket.number, { rating: 5 });
      expect(response.statusCode).toBe(403);
    }
    const outsider = await rate(client2, ticket.number, { rating: 1 });
    expect(outsider.statusCode).toBe(404);
    expect(await detail(ticket)).toMatchObject({ satisfaction: null, version: ticket.version });
    expect(await events('ticket.rated', ticket)).toEqual([]);
  });
});
