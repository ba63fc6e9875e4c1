import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { openTicket } from '../../../../test/factories/index.ts';

interface TimelineItem {
  kind: string;
  id: string;
  title: string;
  data: Record<string, unknown>;
}

/** CUS-3: a customer's tickets are part of the 360° view — a section and rows of the one timeline. */
describe('tickets in the customer 360° view', () => {
  // One app for the file: each `it` creates its own customer and tickets and reads only those.
  let t: TestApp;
  let sales: Agent;
  let agent: Agent;
  let marketing: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    [sales, agent, marketing] = await Promise.all([t.loginAs('sales'), t.loginAs('agent'), t.loginAs('marketing')]);
  });
  afterAll(async () => t.stop());

  it('lists the customer’s tickets with counts, the latest first, and a timeline row per ticket', async () => {
    const customer = (await sales.post('/api/v1/customers', { type: 'company', companyName: 'Ticketed Ltd' })).json();
    const first = await openTicket(sales, { customerId: customer.id, title: 'Invoice is wrong' });
    const second = await openTicket(agent, { customerId: customer.id, title: 'Cannot sign in', priority: 4 });
    const moved = await agent.post(`/api/v1/tickets/${first.number}/status`, { status: 'in_progress' }, { headers: { 'if-match': `"${first.version}"` } });
    expect(moved.statusCode, moved.body).toBe(200);

    const o = (await sales.get(`/api/v1/customers/${customer.number}/overview`)).json();
    expect(o.sections.tickets).toMatchObject({ count: 2, open: 2 });
    expect(o.sections.tickets.latest.map((x: { number: string }) => x.number)).toEqual([second.number, first.number]);
    expect(o.sections.tickets.latest[0]).toMatchObject({ id: second.id, title: 'Cannot sign in', status: 'new', priority: 4 });

    const rows = o.timeline.items.filter((i: TimelineItem) => i.kind === 'ticket');
    expect(rows.map((i: TimelineItem) => i.id).sort()).toEqual([first.id, second.id].sort());
    expect(rows.find((i: TimelineItem) => i.id === first.id)).toMatchObject({ title: `${first.number} Invoice is wrong`, data: { number: first.number, status: 'in_progress' } });

    // The timeline's further pages carry them too.
    const page = (await sales.get(`/api/v1/customers/${customer.id}/timeline?limit=50`)).json();
    expect(page.items.filter((i: TimelineItem) => i.kind === 'ticket')).toHaveLength(2);
  });

  it('leaves the tickets out for a role that may read customers but not tickets', async () => {
    const customer = (await sales.post('/api/v1/customers', { fullName: 'Quiet Customer' })).json();
    await openTicket(sales, { customerId: customer.id, title: 'Only for the desk' });

    const o = (await marketing.get(`/api/v1/customers/${customer.id}/overview`)).json();
    expect(o.customer.id).toBe(customer.id);
    expect(o.sections.tickets).toBeUndefined();
    expect(o.sections.contracts).toBeDefined();
    expect(o.timeline.items.some((i: TimelineItem) => i.kind === 'ticket')).toBe(false);
    const page = (await marketing.get(`/api/v1/customers/${customer.id}/timeline`)).json();
    expect(page.items.some((i: TimelineItem) => i.kind === 'ticket')).toBe(false);
  });

  it('shows each caller only the tickets the ticket list shows them', async () => {
    // A customer sales may see through the team rule, with a ticket sales did not create: the section
    // counts exactly what GET /tickets?customerId= answers for the same caller.
    const customer = (await sales.post('/api/v1/customers', { fullName: 'Shared View' })).json();
    await openTicket(agent, { customerId: customer.id, title: 'Opened by the desk' });
    for (const who of [sales, agent]) {
      const o = (await who.get(`/api/v1/customers/${customer.id}/overview`)).json();
      const list = (await who.get(`/api/v1/tickets?customerId=${customer.id}`)).json();
      expect(o.sections.tickets.count).toBe(list.items.length);
    }
  });
});
