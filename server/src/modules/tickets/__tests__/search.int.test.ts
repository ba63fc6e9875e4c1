import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { openTicket, query } from '../../../../test/factories/index.ts';

type Item = { id: string; number: string; title: string; status: string; priority: number; tags: string[]; customer: { id: string }; component: { id: string } | null; processor: { id: string } | null; type: { key: string }; createdAt: string };

/** TKT-5: find by number or words in any language, filter, page by cursor, save views. */
describe('tickets: search, filters, pages and views', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let agent: Agent;
  let agentId: string;
  const list = async (who: Agent, q: Record<string, string>) => {
    const response = await who.get('/api/v1/tickets', { query: q });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Item[]; nextCursor: string | null };
  };
  /** Every page of a query, following cursors. */
  const all = async (who: Agent, q: Record<string, string>) => {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Item[]; nextCursor: string | null } = await list(who, { ...q, limit: '37', ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };
  beforeAll(async () => {
    t = await createTestApp();
    agent = await t.loginAs('agent1@demo.test');
    agentId = agent.me!.id;
  });
  afterAll(async () => t.stop());

  it('finds a ticket by its public number and by partial words in four languages, title, description or messages', async () => {
    const [seeded] = await query<{ number: string }>(t, `select number from tickets order by number offset 41 limit 1`);
    expect((await list(agent, { q: seeded.number.toLowerCase() })).items.map((i) => i.number)).toEqual([seeded.number]);
    for (const [q, expected] of [['log in to the port', /Cannot log in/], ['принтер', /Принтер/], ['hoa don', /hóa đơn/], ['发票金额', /发票金额/], ['xport to exc', /Export to Excel/]] as const) {
      const found = await list(agent, { q, limit: '10' });
      expect(found.items.length, q).toBeGreaterThan(0);
      for (const item of found.items) expect(item.title, q).toMatch(expected);
    }
    const ticket = await openTicket(agent, { customerId: (await query<{ id: string }>(t, `select id from customers limit 1`))[0].id, title: 'Plain title' });
    await agent.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Die Kaffeemaschine im Büro tropft' });
    expect((await list(agent, { q: 'kaffeemasch' })).items.map((i) => i.number)).toEqual([ticket.number]);
    expect((await list(agent, { q: 'buro tropft' })).items.map((i) => i.number)).toEqual([ticket.number]);
  });

  it('pages newest first by cursor without repeats or gaps, and never counts', async () => {
    // Everything the agent may see (IAM-3: their components, unqueued tickets, their own), counted independently.
    const items = await all(agent, {});
    const [{ n }] = await query<{ n: number }>(
      t,
      `select count(*)::int as n from tickets where component_id is null or processor_id = $1 or created_by = $1
         or component_id in (select component_id from ticket_component_staff where user_id = $1)`,
      [agentId],
    );
    expect(n).toBeGreaterThan(100);
    expect(items.length).toBe(n);
    expect(new Set(items.map((i) => i.id)).size).toBe(n);
    const times = items.map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const first = await list(agent, { limit: '5' });
    expect(Object.keys(first)).toEqual(['items', 'nextCursor']);
    expect((await agent.get('/api/v1/tickets', { query: { cursor: 'garbage' } })).json().errors[0].field).toBe('cursor');
  });

  it('filters by status, component, processor, priority, type, customer, creator, tags and dates — combined', async () => {
    const [component] = await query<{ id: string }>(t, `select id from ticket_components where key = 'software'`);
    const checks: [Record<string, string>, (i: Item) => boolean][] = [
      [{ status: 'waiting_on_customer,resolved' }, (i) => ['waiting_on_customer', 'resolved'].includes(i.status)],
      [{ componentId: component.id }, (i) => i.component?.id === component.id],
      [{ processorId: 'me' }, (i) => i.processor?.id === agentId],
      [{ processorId: 'none' }, (i) => i.processor === null],
      [{ priority: '4,5' }, (i) => i.priority >= 4],
      [{ type: 'hr,facility' }, (i) => ['hr', 'facility'].includes(i.type.key)],
      [{ tags: 'billing,urgent' }, (i) => i.tags.includes('billing') && i.tags.includes('urgent')],
      [{ status: 'in_progress', priority: '5', componentId: component.id }, (i) => i.status === 'in_progress' && i.priority === 5 && i.component?.id === component.id],
    ];
    for (const [filter, holds] of checks) {
      const items = await all(agent, filter);
      expect(items.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(items.every(holds), JSON.stringify(filter)).toBe(true);
    }
    const customer = (await all(agent, {}))[0].customer.id;
    expect((await all(agent, { customerId: customer })).every((i) => i.customer.id === customer)).toBe(true);
    const from = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const recent = await all(agent, { createdFrom: from });
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((i) => i.createdAt >= from)).toBe(true);
    const mine = await openTicket(agent, { customerId: customer });
    expect((await all(agent, { createdBy: 'me', createdFrom: from })).map((i) => i.id)).toContain(mine.id);
    expect((await agent.get('/api/v1/tickets', { query: { status: 'pending' } })).statusCode).toBe(400);
  });

  it('filters by source (the call centre’s phone list), one or several, and names a wrong one', async () => {
    const word = `src${Date.now().toString(36)}`;
    const customerId = (await query<{ id: string }>(t, 'select id from customers limit 1'))[0].id;
    const phone = await openTicket(agent, { title: `${word} phone`, source: 'phone', customerId });
    const mail = await openTicket(agent, { title: `${word} mail`, source: 'email', customerId });
    await openTicket(agent, { title: `${word} chat`, source: 'chat', customerId });
    expect((await list(agent, { q: word, source: 'phone' })).items.map((i) => i.id)).toEqual([phone.id]);
    expect((await list(agent, { q: word, source: 'phone,email' })).items.map((i) => i.id).sort()).toEqual([phone.id, mail.id].sort());
    const wrong = await agent.get('/api/v1/tickets', { query: { source: 'pigeon' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toMatch(/source/);
  });

  it('offers built-in views (my open, unassigned in my components) and per-user saved views', async () => {
    const myOpen = await all(agent, { view: 'my_open' });
    expect(myOpen.length).toBeGreaterThan(0);
    expect(myOpen.every((i) => i.processor?.id === agentId && !['resolved', 'closed'].includes(i.status))).toBe(true);
    const mineComponents = (await query<{ component_id: string }>(t, 'select component_id from ticket_component_staff where user_id = $1', [agentId])).map((r) => r.component_id);
    const unassigned = await all(agent, { view: 'unassigned' });
    expect(unassigned.length).toBeGreaterThan(0);
    expect(unassigned.every((i) => i.processor === null && mineComponents.includes(i.component!.id) && i.status !== 'closed')).toBe(true);

    const saved = await agent.post('/api/v1/ticket-views', { name: 'Urgent HR', filter: { type: ['hr'], priority: [5] } });
    expect(saved.statusCode, saved.body).toBe(201);
    const viewed = await all(agent, { view: saved.json().id });
    expect(viewed.length).toBeGreaterThan(0);
    expect(viewed.every((i) => i.type.key === 'hr' && i.priority === 5)).toBe(true);
    // Explicit filters override the view's.
    expect((await all(agent, { view: saved.json().id, priority: '4' })).every((i) => i.priority === 4)).toBe(true);
    expect((await agent.get('/api/v1/ticket-views')).json().items.map((v: { name: string }) => v.name)).toEqual(['Urgent HR']);
    // Views are private: someone else can neither use nor delete it.
    const other = await t.loginAs('agent2@demo.test');
    expect((await other.get('/api/v1/tickets', { query: { view: saved.json().id } })).statusCode).toBe(404);
    expect((await other.delete(`/api/v1/ticket-views/${saved.json().id}`)).statusCode).toBe(404);
    expect((await agent.post('/api/v1/ticket-views', { name: 'Bad', filter: { colour: 'red' } })).statusCode).toBe(400);
    expect((await agent.delete(`/api/v1/ticket-views/${saved.json().id}`)).statusCode).toBe(204);
  });

  it('records every saved-view write in the history, in the same transaction; another user\'s view is 404 and stays', async () => {
    const historyOf = (id: string) =>
      query<{ action: string; actor_id: string; changes: { field: string; from: unknown; to: unknown }[]; internal: boolean }>(
        t,
        "select action, actor_id, changes, internal from history where entity_type = 'ticket_view' and entity_id = $1 order by id",
        [id],
      );
    const saved = await agent.post('/api/v1/ticket-views', { name: 'History check', filter: { priority: [4] } });
    expect(saved.statusCode, saved.body).toBe(201);
    const id = saved.json().id as string;
    expect(await historyOf(id)).toEqual([
      { action: 'created', actor_id: agentId, internal: true, changes: [{ field: 'name', from: null, to: 'History check' }, { field: 'filter', from: null, to: { priority: [4] } }] },
    ]);

    const other = await t.loginAs('agent2@demo.test');
    const denied = await other.delete(`/api/v1/ticket-views/${id}`);
    expect(denied.statusCode).toBe(404);
    expect(await historyOf(id)).toHaveLength(1);
    expect((await agent.get('/api/v1/ticket-views')).json().items.map((v: { id: string }) => v.id)).toContain(id);

    // A refused save (invalid filter) writes neither a view nor a history row.
    const before = await query<{ n: number }>(t, "select count(*)::int as n from history where entity_type = 'ticket_view'");
    expect((await agent.post('/api/v1/ticket-views', { name: 'Bad', filter: { colour: 'red' } })).statusCode).toBe(400);
    expect(await query<{ n: number }>(t, "select count(*)::int as n from history where entity_type = 'ticket_view'")).toEqual(before);

    expect((await agent.delete(`/api/v1/ticket-views/${id}`)).statusCode).toBe(204);
    expect((await historyOf(id)).map((h) => [h.action, h.actor_id, h.changes])).toEqual([
      ['created', agentId, [{ field: 'name', from: null, to: 'History check' }, { field: 'filter', from: null, to: { priority: [4] } }]],
      ['deleted', agentId, [{ field: 'name', from: 'History check', to: null }, { field: 'filter', from: { priority: [4] }, to: null }]],
    ]);
    expect((await agent.delete(`/api/v1/ticket-views/${id}`)).statusCode).toBe(404);
  });

  it('scopes sales reps to tickets of the customers they can see', async () => {
    const sales = await t.loginAs('sales1@demo.test');
    const items = await all(sales, {});
    expect(items.length).toBeGreaterThan(0);
    const visible = new Set((await query<{ id: string }>(t, `select c.id from customers c where c.owner_id = $1 or c.owner_id in
      (select tm.user_id from team_members tm where tm.team_id in (select team_id from team_members where user_id = $1))
      or c.team_id in (select team_id from team_members where user_id = $1)`, [sales.me!.id])).map((r) => r.id));
    expect(items.every((i) => visible.has(i.customer.id))).toBe(true);
    const [hidden] = await query<{ number: string }>(t, `select t.number from tickets t where not (t.customer_id = any($1::uuid[])) and t.created_by <> $2 and t.processor_id is distinct from $2 limit 1`, [[...visible], sales.me!.id]);
    expect((await sales.get(`/api/v1/tickets/${hidden.number}`)).statusCode).toBe(404);
    const marketing = await t.loginAs('marketing');
    expect((await marketing.get('/api/v1/tickets')).statusCode).toBe(403);
  });
});
