import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { customerOf, FIELDS, ifMatch, openTicket, query } from '../../../../test/factories/index.ts';

/** TKT-13 / IAM-3: a client sees their own customer's tickets only, and never an internal note. */
describe('tickets: client portal isolation and internal notes', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let agent: Agent;
  let client1: Agent;
  let client2: Agent;
  let other: { id: string; number: string };
  let own: { id: string; number: string; version: number };
  let publicMessageId: string;
  beforeAll(async () => {
    t = await createTestApp();
    agent = await t.loginAs('agent1@demo.test');
    client1 = await t.loginAs('client1@demo.test');
    client2 = await t.loginAs('client2@demo.test');
    other = await openTicket(client2, { title: 'Client two private matter' });
    const reply = await agent.post(`/api/v1/tickets/${other.number}/messages`, { body: 'Reply only client two may read' });
    publicMessageId = reply.json().id;
    await agent.post(`/api/v1/tickets/${other.number}/messages`, { body: 'zebra-internal-secret about client two', internal: true });
    own = await openTicket(client1, { title: 'Client one own ticket' });
    await agent.post(`/api/v1/tickets/${own.number}/messages`, { body: 'Public answer to client one' });
    await agent.post(`/api/v1/tickets/${own.number}/messages`, { body: 'walrus-internal-secret: customer owes money', internal: true });
  });
  afterAll(async () => t.stop());

  it('refuses, by field, a client setting the processor, internal flag, another customer or staff fields', async () => {
    const before = await query<{ n: number }>(t, 'select count(*)::int as n from tickets');
    const [agent2] = await query<{ id: string }>(t, `select id from users where email = 'agent2@demo.test'`);
    const created = await client1.post('/api/v1/tickets', {
      title: 'Mine', description: 'Text', type: 'hr', typeFields: FIELDS.hr,
      processorId: agent2.id, customerId: await customerOf(t, 'client2@demo.test'), source: 'phone', tags: ['vip'],
    });
    expect(created.statusCode).toBe(422);
    expect(created.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['customerId', 'processorId', 'source', 'tags']);
    expect((await query<{ n: number }>(t, 'select count(*)::int as n from tickets'))[0].n).toBe(before[0].n);

    const patch = await client1.patch(`/api/v1/tickets/${own.number}`, { processorId: agent2.id, priority: 5, componentId: null }, ifMatch(own.version));
    expect(patch.statusCode).toBe(422);
    expect(patch.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['componentId', 'priority', 'processorId']);
    const note = await client1.post(`/api/v1/tickets/${own.number}/messages`, { body: 'let me in', internal: true });
    expect(note.statusCode).toBe(422);
    expect(note.json().errors.map((e: { field: string }) => e.field)).toEqual(['internal']);
    const unknown = await client1.post(`/api/v1/tickets/${own.number}/messages`, { body: 'x', visibility: 'staff' });
    expect(unknown.statusCode).toBe(400);
    // The ticket is as it was.
    expect((await client1.get(`/api/v1/tickets/${own.number}`)).json()).toMatchObject({ version: own.version, processor: null, priority: 3 });
  });

  it('answers 404 with no data when a client reads another customer’s ticket, messages or history, by number or id', async () => {
    for (const ref of [other.number, other.id]) {
      for (const path of ['', '/messages', '/history']) {
        const response = await client1.get(`/api/v1/tickets/${ref}${path}`);
        expect(response.statusCode, `${ref}${path}`).toBe(404);
        expect(response.body).not.toContain('Client two');
        expect(response.body).not.toContain(publicMessageId);
        expect(response.json().code).toBe('not_found');
      }
      for (const write of [
        client1.post(`/api/v1/tickets/${ref}/messages`, { body: 'hi' }),
        client1.patch(`/api/v1/tickets/${ref}`, { title: 'taken over' }, ifMatch(1)),
        client1.post(`/api/v1/tickets/${ref}/status`, { status: 'closed' }, ifMatch(1)),
      ]) expect((await write).statusCode).toBe(404);
    }
    const list = await client1.get('/api/v1/tickets', { query: { q: 'Client two', limit: '200' } });
    expect(list.json().items).toEqual([]);
    const [{ n }] = await query<{ n: number }>(t, `select count(*)::int as n from ticket_messages where ticket_id = $1`, [other.id]);
    expect(n).toBe(2);
  });

  it('lists only the client’s own customer’s tickets', async () => {
    const customer1 = await customerOf(t, 'client1@demo.test');
    let cursor: string | null = null;
    let seen = 0;
    do {
      const response = await client1.get('/api/v1/tickets', { query: { limit: '100', ...(cursor ? { cursor } : {}) } });
      expect(response.statusCode).toBe(200);
      for (const item of response.json().items) expect(item.customer.id).toBe(customer1);
      seen += response.json().items.length;
      cursor = response.json().nextCursor;
    } while (cursor);
    const [{ n }] = await query<{ n: number }>(t, 'select count(*)::int as n from tickets where customer_id = $1', [customer1]);
    expect(seen).toBe(n);
    expect(n).toBeGreaterThan(10);
  });

  it('never gives a client an internal note: not in messages, detail, search or history', async () => {
    const messages = await client1.get(`/api/v1/tickets/${own.number}/messages`);
    expect(messages.statusCode).toBe(200);
    expect(messages.json().items.map((m: { body: string }) => m.body)).toEqual(['Public answer to client one']);
    expect(messages.body).not.toContain('walrus');
    expect((await client1.get(`/api/v1/tickets/${own.number}`)).body).not.toContain('walrus');
    const search = await client1.get('/api/v1/tickets', { query: { q: 'walrus-internal' } });
    expect(search.json().items).toEqual([]);
    const history = await client1.get(`/api/v1/tickets/${own.number}/history`);
    const actions = history.json().items.map((h: { action: string }) => h.action);
    expect(actions).toContain('message');
    expect(actions).not.toContain('note');
    // Staff see the note and find the ticket by its words.
    expect((await agent.get(`/api/v1/tickets/${own.number}/messages`)).json().items.map((m: { internal: boolean }) => m.internal)).toEqual([false, true]);
    expect((await agent.get('/api/v1/tickets', { query: { q: 'walrus-internal' } })).json().items.map((i: { number: string }) => i.number)).toEqual([own.number]);
    expect((await agent.get(`/api/v1/tickets/${own.number}/history`)).json().items.map((h: { text: string }) => h.text)).toContain('Petar Ivanov wrote an internal note');
  });

  it('seeded internal notes stay hidden from every demo client', async () => {
    for (const email of ['client1@demo.test', 'client2@demo.test', 'client3@demo.test']) {
      const client = await t.loginAs(email);
      const list = (await client.get('/api/v1/tickets', { query: { limit: '200' } })).json().items as { number: string }[];
      expect(list.length).toBeGreaterThan(0);
      for (const ticket of list.slice(0, 15)) {
        const body = (await client.get(`/api/v1/tickets/${ticket.number}/messages`)).body;
        expect(body).not.toContain('secret-note');
        expect(body).not.toContain('"internal":true');
      }
      expect((await client.get('/api/v1/tickets', { query: { q: 'secret-note' } })).json().items).toEqual([]);
      const timeline = (await client.get(`/api/v1/tickets/${list[0].number}/history`)).json().items.map((h: { action: string }) => h.action);
      expect(timeline).toContain('created');
      expect(timeline).not.toContain('note');
    }
    const [seeded] = await query<{ number: string }>(t, `select t.number from tickets t join ticket_messages m on m.ticket_id = t.id and m.internal limit 1`);
    expect((await agent.get(`/api/v1/tickets/${seeded.number}/history`)).json().items.map((h: { action: string }) => h.action)).toContain('note');
  });

  it('keeps staff labels (tags, custom fields) out of client payloads, and refuses a client’s tag filter', async () => {
    const [tagged] = await query<{ number: string }>(t, `select t.number from tickets t join users u on u.customer_id = t.customer_id and u.email = 'client1@demo.test' where cardinality(t.tags) > 0 limit 1`);
    expect((await agent.get(`/api/v1/tickets/${tagged.number}`)).json().tags.length).toBeGreaterThan(0);
    const detail = (await client1.get(`/api/v1/tickets/${tagged.number}`)).json();
    expect(detail).toMatchObject({ tags: [], custom: {} });
    const listed = (await client1.get('/api/v1/tickets', { query: { q: tagged.number } })).json().items;
    expect(listed).toMatchObject([{ number: tagged.number, tags: [] }]);
    const filtered = await client1.get('/api/v1/tickets', { query: { tags: 'vip' } });
    expect(filtered.statusCode).toBe(400);
    expect(filtered.json().errors).toEqual([{ field: 'tags', message: 'Clients cannot filter by tags.' }]);
  });

  it('puts a ticket waiting on the customer back in progress when the client replies', async () => {
    const ticket = await openTicket(client1, {});
    const started = await agent.post(`/api/v1/tickets/${ticket.number}/status`, { status: 'in_progress' }, ifMatch(1));
    await agent.post(`/api/v1/tickets/${ticket.number}/status`, { status: 'waiting_on_customer' }, ifMatch(started.json().version));
    await client1.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Here is the screenshot you asked for.' });
    const after = (await agent.get(`/api/v1/tickets/${ticket.number}`)).json();
    expect(after.status).toBe('in_progress');
    const history = (await agent.get(`/api/v1/tickets/${ticket.number}/history`)).json().items.map((h: { text: string }) => h.text);
    expect(history[0]).toBe('Chris Client: status waiting_on_customer → in_progress');
  });

  it('returns the XSS showcase as inert text: no tag, handler or javascript: link survives as markup', async () => {
    const [row] = await query<{ number: string }>(t, `select number from tickets where title like 'XSS showcase%'`);
    const detail = (await client1.get(`/api/v1/tickets/${row.number}`)).json();
    expect(detail.descriptionHtml).not.toMatch(/<(script|img|a)\b/i);
    expect(detail.descriptionHtml).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
    const messages = (await client1.get(`/api/v1/tickets/${row.number}/messages`)).json().items as { body: string; bodyHtml: string }[];
    expect(messages.length).toBe(4);
    for (const m of messages) {
      // Only the Markdown subset's own tags (paragraphs, line breaks): no tag means no attribute, no link.
      expect(m.bodyHtml).not.toMatch(/<(?!\/?p>|br>)/);
    }
    expect(messages[1].bodyHtml).toBe('<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>');
    expect(messages[2].bodyHtml).toBe('<p>[click me](javascript:alert(document.cookie))</p>');
    expect(messages[3].bodyHtml).toBe('<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;link&lt;/a&gt;</p>');
    // The text itself is kept as typed, for editing.
    expect(messages[0].body).toBe('<script>alert("xss")</script>');
  });
});
