import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { listenForSockets, subscribe, type TestSockets } from '../../../../test/sockets.ts';
import { waitFor } from '../../../../test/wait.ts';
import { customerOf, ifMatch, openTicket, query } from '../../../../test/factories/index.ts';

type Related = { id: string; number: string; title: string; status: string; kind: string };
type Entry = { action: string; text: string; changes: { field: string; from: unknown; to: unknown }[] };

describe('tickets: related tickets, campaign and product interest (TKT-1)', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let sockets: TestSockets;
  let agent: Agent;
  let client: Agent;
  let customerId: string;
  let otherCustomerId: string;
  let agentName: string;
  beforeAll(async () => {
    t = await createTestApp();
    sockets = await listenForSockets(t);
    agent = await t.loginAs('agent1@demo.test');
    client = await t.loginAs('client1@demo.test');
    customerId = await customerOf(t, 'client1@demo.test');
    otherCustomerId = await customerOf(t, 'client2@demo.test');
    agentName = (await query<{ name: string }>(t, 'select name from users where id = $1', [agent.me!.id]))[0].name;
  });
  afterAll(async () => {
    sockets.close();
    await t.stop();
  });

  const related = async (who: Agent, number: string) => {
    const response = await who.get(`/api/v1/tickets/${number}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().related as Related[]).map((r) => r.number).sort();
  };
  const history = async (number: string) => (await agent.get(`/api/v1/tickets/${number}/history`)).json().items as Entry[];

  it('links two tickets with history on both, lists the link from both sides, and unlinks it', async () => {
    const a = await openTicket(agent, { customerId, title: 'Printer jams' });
    const b = await openTicket(agent, { customerId, title: 'Printer jams again' });
    const linked = await agent.post(`/api/v1/tickets/${a.number}/related`, { ticket: b.number });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().related).toEqual([{ id: b.id, number: b.number, title: 'Printer jams again', status: 'new', kind: 'related' }]);
    expect(linked.json().version).toBe(a.version);
    // The other direction, read from b: the same link.
    expect(await related(agent, b.number)).toEqual([a.number]);
    expect((await history(a.number))[0].text).toBe(`${agentName} linked ${b.number}`);
    expect((await history(b.number))[0].text).toBe(`${agentName} linked ${a.number}`);

    // Twice, from either side: 200, still one row, no new history.
    const again = await agent.post(`/api/v1/tickets/${b.id}/related`, { ticket: a.number });
    expect(again.statusCode).toBe(200);
    expect(again.json().related.map((r: Related) => r.number)).toEqual([a.number]);
    expect(await query(t, 'select 1 from ticket_relations where (ticket_id = $1 and related_id = $2) or (ticket_id = $2 and related_id = $1)', [a.id, b.id])).toHaveLength(1);
    expect((await history(b.number)).filter((e) => e.action === 'linked')).toHaveLength(1);

    // Unlinked from the side that did not make it.
    const unlinked = await agent.delete(`/api/v1/tickets/${b.number}/related/${a.number}`);
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    expect(unlinked.json().related).toEqual([]);
    expect(await related(agent, a.number)).toEqual([]);
    expect((await history(a.number))[0].text).toBe(`${agentName} unlinked ${b.number}`);
    expect((await history(b.number))[0].text).toBe(`${agentName} unlinked ${a.number}`);
  });

  it('tells both tickets’ rooms after commit (ticket.updated, fields related)', async () => {
    const a = await openTicket(agent, { customerId });
    const b = await openTicket(agent, { customerId });
    const socket = await sockets.asBrowser(agent);
    expect(await subscribe(socket, `ticket:${a.number}`)).toEqual({ ok: true });
    expect(await subscribe(socket, `ticket:${b.number}`)).toEqual({ ok: true });
    const seen: { event: string; payload: { number: string; fields: string[] } }[] = [];
    socket.onAny((event, payload) => seen.push({ event, payload }));
    await agent.post(`/api/v1/tickets/${a.number}/related`, { ticket: b.number });
    const updated = () => seen.filter((e) => e.event === 'ticket.updated').map((e) => `${e.payload.number}:${e.payload.fields.join()}`).sort();
    await waitFor('both tickets to be updated', () => updated().length === 2 || undefined);
    expect(updated()).toEqual([`${a.number}:related`, `${b.number}:related`].sort());
    socket.close();
  });

  it('refuses a self-link (422 naming ticket) and a missing ticket (404), writing nothing', async () => {
    const a = await openTicket(agent, { customerId });
    const self = await agent.post(`/api/v1/tickets/${a.number}/related`, { ticket: a.id });
    expect(self.statusCode).toBe(422);
    expect(self.json().errors.map((e: { field: string }) => e.field)).toEqual(['ticket']);
    expect((await agent.post(`/api/v1/tickets/${a.number}/related`, { ticket: 'TCK-999999' })).statusCode).toBe(404);
    expect((await agent.post('/api/v1/tickets/TCK-999999/related', { ticket: a.number })).statusCode).toBe(404);
    expect((await agent.delete(`/api/v1/tickets/${a.number}/related/TCK-999999`)).statusCode).toBe(404);
    const bad = await agent.post(`/api/v1/tickets/${a.number}/related`, { ticket: 'printer' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('ticket');
    expect(await query(t, 'select 1 from ticket_relations where ticket_id = $1 or related_id = $1', [a.id])).toEqual([]);
  });

  it('refuses the routes to clients and sales (403) and shows each caller only the related tickets they can see', async () => {
    const own = await openTicket(client, {});
    const ownDuplicate = await openTicket(client, { title: 'Same printer' });
    const foreign = await openTicket(agent, { customerId: otherCustomerId });
    expect((await client.post(`/api/v1/tickets/${own.number}/related`, { ticket: ownDuplicate.number })).statusCode).toBe(403);
    expect((await client.delete(`/api/v1/tickets/${own.number}/related/${ownDuplicate.number}`)).statusCode).toBe(403);
    expect((await agent.post(`/api/v1/tickets/${own.number}/related`, { ticket: foreign.number })).statusCode).toBe(200);
    // A duplicate link as consolidation writes it (this ticket → the survivor).
    await query(t, `insert into ticket_relations (ticket_id, related_id, kind) values ($1, $2, 'duplicate_of')`, [ownDuplicate.id, own.id]);
    expect(await related(agent, own.number)).toEqual([foreign.number, ownDuplicate.number].sort());
    // The client: their own customer's ticket only, the duplicate as such; the other customer's is not listed.
    const forClient = (await client.get(`/api/v1/tickets/${own.number}`)).json().related as Related[];
    expect(forClient).toEqual([{ id: ownDuplicate.id, number: ownDuplicate.number, title: 'Same printer', status: 'new', kind: 'duplicate_of' }]);
    expect((await client.get(`/api/v1/tickets/${foreign.number}`)).statusCode).toBe(404);

    // A sales rep: sees a ticket of their own customer, not the one outside their scope nor its link.
    const sales = await t.loginAs('sales1@demo.test');
    expect((await sales.post(`/api/v1/tickets/${own.number}/related`, { ticket: foreign.number })).statusCode).toBe(403);
    const [mine] = await query<{ id: string }>(t, 'select id from customers where owner_id = $1 limit 1', [sales.me!.id]);
    const inScope = await openTicket(agent, { customerId: mine.id });
    const [hidden] = await query<{ id: string }>(t, `select c.id from customers c where not exists (select 1 from customers v where v.id = c.id and (v.owner_id = $1
      or v.team_id in (select team_id from team_members where user_id = $1)
      or v.owner_id in (select tm.user_id from team_members tm where tm.team_id in (select team_id from team_members where user_id = $1)))) limit 1`, [sales.me!.id]);
    const outOfScope = await openTicket(agent, { customerId: hidden.id });
    await agent.post(`/api/v1/tickets/${inScope.number}/related`, { ticket: outOfScope.number });
    expect(await related(agent, inScope.number)).toEqual([outOfScope.number]);
    expect((await sales.get(`/api/v1/tickets/${outOfScope.number}`)).statusCode).toBe(404);
    expect(await related(sales, inScope.number)).toEqual([]);
  });

  it('lets staff set campaign and product interest on create and patch, with history', async () => {
    const created = await openTicket(agent, { customerId, campaignRef: '  Spring-2027 ', productInterest: [' Router X ', 'Mesh', 'Router X'] });
    expect(created).toMatchObject({ campaignRef: 'Spring-2027', productInterest: ['Router X', 'Mesh'] });
    const createdEntry = (await history(created.number)).find((e) => e.action === 'created')!;
    expect(createdEntry.changes).toEqual(expect.arrayContaining([
      { field: 'campaignRef', from: null, to: 'Spring-2027' },
      { field: 'productInterest', from: [], to: ['Router X', 'Mesh'] },
    ]));
    const patched = await agent.patch(`/api/v1/tickets/${created.number}`, { campaignRef: null, productInterest: ['Mesh', 'Fibre'] }, ifMatch(created.version));
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ campaignRef: null, productInterest: ['Mesh', 'Fibre'], version: created.version + 1 });
    const [entry] = await history(created.number);
    expect(entry.action).toBe('updated');
    expect(entry.changes).toEqual([
      { field: 'campaignRef', from: 'Spring-2027', to: null },
      { field: 'productInterest', from: ['Router X', 'Mesh'], to: ['Mesh', 'Fibre'] },
    ]);
    // The same values again are no change: no history entry, no new version.
    const same = await agent.patch(`/api/v1/tickets/${created.number}`, { productInterest: ['Mesh', 'Fibre'] }, ifMatch(created.version + 1));
    expect(same.json().version).toBe(created.version + 1);
  });

  it('refuses campaign and product interest from a client (422 naming each field), writing nothing', async () => {
    const before = (await query<{ n: number }>(t, 'select count(*)::int as n from tickets'))[0].n;
    const create = await client.post('/api/v1/tickets', { title: 'T', description: 'D', type: 'hr', typeFields: { topic: 'Leave' }, campaignRef: 'Spring', productInterest: ['Mesh'] });
    expect(create.statusCode).toBe(422);
    expect(create.json().code).toBe('field_not_allowed');
    expect(create.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['campaignRef', 'productInterest']);
    expect((await query<{ n: number }>(t, 'select count(*)::int as n from tickets'))[0].n).toBe(before);
    const own = await openTicket(client, {});
    const patch = await client.patch(`/api/v1/tickets/${own.number}`, { campaignRef: 'Spring', productInterest: ['Mesh'] }, ifMatch(own.version));
    expect(patch.statusCode).toBe(422);
    expect(patch.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['campaignRef', 'productInterest']);
    expect((await client.get(`/api/v1/tickets/${own.number}`)).json()).toMatchObject({ version: own.version, campaignRef: null, productInterest: [] });
  });

  it('refuses over-long campaign and product values (400 naming the field)', async () => {
    const long = await agent.post('/api/v1/tickets', { title: 'T', description: 'D', type: 'hr', typeFields: { topic: 'Leave' }, customerId, campaignRef: 'c'.repeat(101), productInterest: ['p'.repeat(101)] });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['campaignRef', 'productInterest.0']);
    const own = await openTicket(agent, { customerId });
    const many = await agent.patch(`/api/v1/tickets/${own.number}`, { productInterest: Array.from({ length: 21 }, (_, i) => `p${i}`) }, ifMatch(own.version));
    expect(many.statusCode).toBe(400);
    expect(many.json().errors[0].field).toBe('productInterest');
    const empty = await agent.patch(`/api/v1/tickets/${own.number}`, { productInterest: ['  '] }, ifMatch(own.version));
    expect(empty.json().errors[0].field).toBe('productInterest.0');
    const ok = await agent.patch(`/api/v1/tickets/${own.number}`, { campaignRef: 'c'.repeat(100), productInterest: Array.from({ length: 20 }, (_, i) => `p${i}`) }, ifMatch(own.version));
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
