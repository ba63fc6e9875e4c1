import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, ifMatch, openTicket, query, unique } from '../../../../test/factories/index.ts';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';

/**
 * IAM-3 for staff (issue 10, defect 5): an agent sees the tickets of the components they staff, unqueued
 * ones and their own; a manager those of the components their branch staffs; admin and auditor all; an
 * admin setting widens agents to all. Demo staffing: service_desk = agent1, agent2 (Sofia);
 * software = agent1, agent3; hardware = agent3 (Shanghai), manager (Hà Nội).
 */
describe('ticket visibility for staff', () => {
  // One app for these its (starting one costs seconds): they share the tickets made in beforeAll and only read them, except the setting it, which puts the setting back.
  let t: TestApp;
  let admin: Agent;
  let agent2: Agent;
  let agent3: Agent;
  let manager: Agent;
  let auditor: Agent;
  const tickets: Record<'desk' | 'hardware' | 'hardwareForAgent2' | 'unqueued', { id: string; number: string }> = {} as never;
  let customerId: string;
  let word: string;

  const componentId = async (key: string) => (await query<{ id: string }>(t, 'select id from ticket_components where key = $1', [key]))[0].id;
  const statusOf = async (who: Agent, ticket: { number: string }) => (await who.get(`/api/v1/tickets/${ticket.number}`)).statusCode;
  const listed = async (who: Agent) => ((await who.get('/api/v1/tickets', { query: { q: word, limit: '50' } })).json().items as { number: string }[]).map((i) => i.number).sort();
  const searched = async (who: Agent) => {
    const response = await who.get('/api/v1/search', { query: { q: word } });
    expect(response.statusCode, response.body).toBe(200);
    return ((response.json().tickets ?? []) as { number: string }[]).map((i) => i.number).sort();
  };

  beforeAll(async () => {
    t = await createTestApp();
    [admin, agent2, agent3, manager, auditor] = await Promise.all(['admin', 'agent2@demo.test', 'agent3@demo.test', 'manager', 'auditor'].map((who) => t.loginAs(who)));
    customerId = (await aCustomer(admin, { fullName: unique('Visibility Customer ') })).id;
    word = unique('vis');
    const open = (componentKey: string | null, extra: Record<string, unknown> = {}) =>
      (async () => openTicket(admin, { title: `${word} ${componentKey ?? 'none'}`, customerId, componentId: componentKey ? await componentId(componentKey) : null, ...extra }))();
    tickets.desk = await open('service_desk');
    tickets.hardware = await open('hardware');
    tickets.hardwareForAgent2 = await open('hardware', { processorId: agent2.me!.id });
    tickets.unqueued = await open(null);
  });
  afterAll(async () => t.stop());

  it('an agent gets 404 on a ticket of a component they do not staff, exactly like a missing one', async () => {
    const invisible = await agent2.get(`/api/v1/tickets/${tickets.hardware.number}`);
    const missing = await agent2.get('/api/v1/tickets/TCK-999999');
    expect([invisible.statusCode, missing.statusCode]).toEqual([404, 404]);
    const { requestId: _a, ...a } = invisible.json();
    const { requestId: _b, ...b } = missing.json();
    expect(a).toEqual(b);
    // Nor can they act on it, message it or read its history.
    expect((await agent2.patch(`/api/v1/tickets/${tickets.hardware.id}`, { title: 'x' }, ifMatch(1))).statusCode).toBe(404);
    expect((await agent2.post(`/api/v1/tickets/${tickets.hardware.id}/messages`, { body: 'hello' })).statusCode).toBe(404);
    expect((await agent2.get(`/api/v1/tickets/${tickets.hardware.id}/history`)).statusCode).toBe(404);
  });

  it('an agent sees their components’ tickets, unqueued ones and those they process — in the list and the search box', async () => {
    const mine = [tickets.desk, tickets.hardwareForAgent2, tickets.unqueued].map((x) => x.number).sort();
    for (const ticket of [tickets.desk, tickets.hardwareForAgent2, tickets.unqueued]) expect(await statusOf(agent2, ticket)).toBe(200);
    expect(await listed(agent2)).toEqual(mine);
    expect(await searched(agent2)).toEqual(mine);
    // agent3 staffs hardware (and software), not the service desk.
    expect(await listed(agent3)).toEqual([tickets.hardware, tickets.hardwareForAgent2, tickets.unqueued].map((x) => x.number).sort());
    expect(await statusOf(agent3, tickets.desk)).toBe(404);
  });

  it('a manager sees the components their branch staffs; admin and auditor see everything', async () => {
    // Hà Nội staffs only hardware (the manager themself).
    expect(await listed(manager)).toEqual([tickets.hardware, tickets.hardwareForAgent2, tickets.unqueued].map((x) => x.number).sort());
    expect(await statusOf(manager, tickets.desk)).toBe(404);
    const everything = Object.values(tickets).map((x) => x.number).sort();
    expect(await listed(admin)).toEqual(everything);
    expect(await listed(auditor)).toEqual(everything);
  });

  it('the customer 360° view lists only the tickets the agent may see', async () => {
    const response = await agent2.get(`/api/v1/customers/${customerId}/timeline`, { query: { limit: '50' } });
    expect(response.statusCode, response.body).toBe(200);
    const numbers = JSON.stringify(response.json());
    expect(numbers).toContain(tickets.desk.number);
    expect(numbers).not.toContain(tickets.hardware.number);
  });

  it('an admin setting widens agents to every ticket, and turning it off narrows them again', async () => {
    const on = await admin.patch('/api/v1/admin/settings', { tickets: { agentsSeeAllTickets: true } });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().tickets.agentsSeeAllTickets).toBe(true);
    try {
      expect(await statusOf(agent2, tickets.hardware)).toBe(200);
      expect(await listed(agent2)).toEqual(Object.values(tickets).map((x) => x.number).sort());
      expect(await statusOf(manager, tickets.desk)).toBe(404); // agents only
    } finally {
      expect((await admin.patch('/api/v1/admin/settings', { tickets: { agentsSeeAllTickets: false } })).statusCode).toBe(200);
    }
    expect(await statusOf(agent2, tickets.hardware)).toBe(404);
    const bad = await admin.patch('/api/v1/admin/settings', { tickets: { agentsSeeAllTickets: 'yes' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('tickets.agentsSeeAllTickets');
  });
});
