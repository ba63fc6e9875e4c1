import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { openTicket } from '../../../../test/factories/index.ts';

/** PLT-8 global search: grouped answers, each through its module's permission and visibility. */
describe('global search', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let agent: Agent;
  let sales: Agent;
  let marketing: Agent;
  let client1: Agent;
  let client2: Agent;
  let customer: { id: string; number: string };
  let own: { id: string; number: string };
  let other: { id: string; number: string };

  const search = async (who: Agent, q: string, limit?: number) => {
    const r = await who.get(`/api/v1/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { customers?: { id: string; number: string; name: string; hint: string | null }[]; tickets?: { id: string; number: string; title: string; status: string }[] };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.loginAs('admin');
    agent = await t.loginAs('agent1@demo.test');
    sales = await t.loginAs('sales');
    marketing = await t.loginAs('marketing');
    client1 = await t.loginAs('client1@demo.test');
    client2 = await t.loginAs('client2@demo.test');
    const c = await admin.post('/api/v1/customers', { fullName: 'Quokkaberg Trading', email: 'quokka@example.test', ownerId: null });
    expect(c.statusCode, c.body).toBe(201);
    customer = c.json();
    own = await openTicket(client1, { title: 'Quokkaberg printer is offline' });
    other = await openTicket(client2, { title: 'Quokkaberg invoice of client two' });
    // A word only in an internal note of client one's own ticket.
    const note = await agent.post(`/api/v1/tickets/${own.number}/messages`, { body: 'platypusnote: check their contract first', internal: true });
    expect(note.statusCode, note.body).toBe(201);
  });
  afterAll(async () => t.stop());

  it('finds a customer and tickets for staff, by a word and by number', async () => {
    const byWord = await search(agent, 'quokkaberg');
    expect(byWord.customers?.map((x) => x.number)).toContain(customer.number);
    expect(byWord.customers?.find((x) => x.number === customer.number)?.hint).toContain('quokka@example.test');
    expect(byWord.tickets?.map((x) => x.number).sort()).toEqual([own.number, other.number].sort());
    expect(byWord.tickets?.find((x) => x.number === own.number)).toMatchObject({ id: own.id, title: 'Quokkaberg printer is offline', status: 'new' });

    expect((await search(agent, own.number)).tickets?.map((x) => x.number)).toEqual([own.number]);
    expect((await search(agent, customer.number)).customers?.map((x) => x.number)).toEqual([customer.number]);
    // Staff see internal notes, so the note's word finds the ticket for them.
    expect((await search(agent, 'platypusnote')).tickets?.map((x) => x.number)).toEqual([own.number]);
  });

  it("keeps to each module's scope: a sales user does not find an unowned customer", async () => {
    const result = await search(sales, 'quokkaberg');
    expect(result.customers?.map((x) => x.number) ?? []).not.toContain(customer.number);
  });

  it("gives a client only their own customer's tickets, never another's, never by a note's word", async () => {
    const result = await search(client1, 'quokkaberg');
    expect(result.customers).toBeUndefined();
    expect(result.tickets?.map((x) => x.number)).toEqual([own.number]);
    expect((await search(client1, other.number)).tickets).toEqual([]);
    expect((await search(client2, own.number)).tickets).toEqual([]);
    expect((await search(client1, 'platypusnote')).tickets).toEqual([]);
  });

  it('leaves out the tickets group for marketing (no tickets.read)', async () => {
    const result = await search(marketing, 'quokkaberg');
    expect(result.tickets).toBeUndefined();
    expect(result.customers?.map((x) => x.number)).toContain(customer.number);
  });

  it('caps each group at the limit (default 5, at most 10)', async () => {
    expect((await search(agent, 'Cannot log in')).tickets).toHaveLength(5);
    expect((await search(agent, 'Cannot log in', 10)).tickets).toHaveLength(10);
    expect((await agent.get('/api/v1/search?q=x&limit=11')).statusCode).toBe(400);
    expect((await agent.get('/api/v1/search')).statusCode).toBe(400);
  });
});
