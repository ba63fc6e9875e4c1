import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { waitFor } from '../../../../test/wait.ts';
import { autoCloseTickets } from '../use-cases/auto-close.ts';
import { consolidateTickets } from '../use-cases/consolidate-tickets.ts';
import { remindFollowUps } from '../use-cases/follow-ups.ts';
import { customerOf, ifMatch, openTicket, query } from '../../../../test/factories/index.ts';

/** TKT-6 auto-close, TKT-10 reminders and consolidation, and the jobs that run them. */
describe('ticket sweeps', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let admin: Agent;
  let agent: Agent;
  let client: Agent;
  let clientCustomer: string;

  const status = async (id: string) => (await query<{ status: string; closed_at: Date | null; merged_into_id: string | null }>(t, 'select status, closed_at, merged_into_id from tickets where id = $1', [id]))[0];
  const actions = async (id: string) => (await query<{ action: string }>(t, `select action from history where entity_type = 'ticket' and entity_id = $1 order by id`, [id])).map((h) => h.action);
  const ago = (id: string, column: string, interval: string) => query(t, `update tickets set ${column} = now() - $2::interval where id = $1`, [id, interval]);

  /**
   * A ticket the agent works on, moved to waiting_on_customer, its last activity `idle` ago. The
   * client's own (portal) ticket, or a staff one from a call list: bulk tickets are never
   * consolidated, so these stay apart whenever the consolidation schedule fires.
   */
  async function waiting(idle: string, by: 'client' | 'staff' = 'client') {
    const ticket = by === 'client' ? await openTicket(client, { title: `Waiting ${idle}` }) : await openTicket(admin, { title: `Waiting ${idle}`, customerId: clientCustomer, source: 'bulk' });
    const taken = await agent.post(`/api/v1/tickets/${ticket.number}/assign`, { processorId: agent.me!.id }, ifMatch(ticket.version));
    const parked = await agent.post(`/api/v1/tickets/${ticket.number}/status`, { status: 'waiting_on_customer' }, ifMatch(taken.json().version));
    expect(parked.statusCode, parked.body).toBe(200);
    await ago(ticket.id, 'last_activity_at', idle);
    return ticket;
  }

  beforeAll(async () => {
    t = await createTestApp();
    [admin, agent, client] = await Promise.all(['admin', 'agent', 'client3@demo.test'].map((w) => t.loginAs(w)));
    clientCustomer = await customerOf(t, 'client3@demo.test');
  });
  afterAll(async () => t.stop());

  it('registers the five sweeps with their schedules; an admin can run one now', async () => {
    const items = (await admin.get('/api/v1/admin/jobs')).json().items as { name: string; schedule: string; runnable: boolean }[];
    const schedules = Object.fromEntries(items.filter((j) => j.name.startsWith('tickets.')).map((j) => [j.name, j.schedule]));
    expect(schedules).toEqual({
      'tickets.auto-close': '0 * * * *',
      'tickets.consolidate': '*/15 * * * *',
      'tickets.distribute': '* * * * *',
      'tickets.follow-ups': '*/5 * * * *',
      'tickets.sla': '*/5 * * * *',
    });
    const stale = await waiting('10 days');
    expect((await admin.post('/api/v1/admin/jobs/tickets.auto-close/run')).statusCode).toBe(202);
    await waitFor('the hand-started auto-close run to close the stale ticket', async () => (await status(stale.id)).status === 'closed');
  });

  it('auto-closes only tickets waiting on the customer past the admin-set days: history, event, notice; reruns do nothing', async () => {
    const old = await waiting('8 days');
    const recent = await waiting('6 days', 'staff');
    const working = await openTicket(admin, { title: 'Still in progress', customerId: clientCustomer, source: 'bulk' });
    await agent.post(`/api/v1/tickets/${working.number}/assign`, { processorId: agent.me!.id }, ifMatch(working.version));
    await ago(working.id, 'last_activity_at', '30 days');

    await autoCloseTickets(t.ctx);
    expect(await status(old.id)).toMatchObject({ status: 'closed', closed_at: expect.any(Date) });
    expect((await status(recent.id)).status).toBe('waiting_on_customer');
    expect((await status(working.id)).status).toBe('in_progress');
    const history = (await (await client.get(`/api/v1/tickets/${old.number}/history`)).json()).items;
    expect(history[0]).toMatchObject({ actor: null, action: 'auto_closed', text: 'System: status waiting_on_customer → closed' });
    const events = await query<{ payload: Record<string, unknown> }>(t, `select payload from outbox where event = 'ticket.auto_closed' and payload->>'ticketId' = $1`, [old.id]);
    expect(events).toEqual([{ payload: expect.objectContaining({ ticketId: old.id, number: old.number }) }]);
    const notice = (await client.get('/api/v1/notifications')).json().items.filter((n: { kind: string; title: string }) => n.kind === 'ticket.auto_closed' && n.title.startsWith(old.number));
    expect(notice).toHaveLength(1);

    expect((await autoCloseTickets(t.ctx)).closed).toBe(0);
    expect((await actions(old.id)).filter((a) => a === 'auto_closed')).toHaveLength(1);

    // The admin shortens the wait: the 6-day ticket goes too.
    expect((await admin.patch('/api/v1/admin/settings', { tickets: { autoCloseDays: 5 } })).statusCode).toBe(200);
    expect(await autoCloseTickets(t.ctx)).toMatchObject({ autoCloseDays: 5 });
    expect((await status(recent.id)).status).toBe('closed');
    await admin.patch('/api/v1/admin/settings', { tickets: { autoCloseDays: 7 } });
  });

  it('takes followUpAt from staff only and reminds the processor once per date', async () => {
    const ticket = await openTicket(client, { title: 'Call me back' });
    const taken = await agent.post(`/api/v1/tickets/${ticket.number}/assign`, { processorId: agent.me!.id }, ifMatch(ticket.version));
    const refused = await client.patch(`/api/v1/tickets/${ticket.number}`, { followUpAt: new Date().toISOString() }, ifMatch(taken.json().version));
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'field_not_allowed', errors: [{ field: 'followUpAt' }] });
    const future = new Date(Date.now() + 3600_000).toISOString();
    const set = await agent.patch(`/api/v1/tickets/${ticket.number}`, { followUpAt: future }, ifMatch(taken.json().version));
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().followUpAt).toBe(future);
    const reminders = async () => (await query<{ n: number }>(t, `select count(*)::int as n from notifications where user_id = $1 and kind = 'ticket.follow_up' and data->>'ticketId' = $2`, [agent.me!.id, ticket.id]))[0].n;

    await remindFollowUps(t.ctx);
    expect(await reminders()).toBe(0);
    await ago(ticket.id, 'follow_up_at', '1 minute');
    await remindFollowUps(t.ctx);
    await remindFollowUps(t.ctx);
    expect(await reminders()).toBe(1);

    // A new date reminds again, once.
    const again = await agent.patch(`/api/v1/tickets/${ticket.number}`, { followUpAt: new Date(Date.now() - 1000).toISOString() }, ifMatch(set.json().version));
    expect(again.statusCode, again.body).toBe(200);
    await remindFollowUps(t.ctx);
    await remindFollowUps(t.ctx);
    expect(await reminders()).toBe(2);
    const cleared = await agent.patch(`/api/v1/tickets/${ticket.number}`, { followUpAt: null }, ifMatch(again.json().version));
    expect(cleared.json().followUpAt).toBeNull();
  });

  it('consolidates duplicates of one customer and source within the window, keeping both histories; leaves others alone', async () => {
    const [a, b] = (await query<{ id: string }>(t, `select id from customers c where status <> 'INACTIVE' and not exists (select 1 from tickets t where t.customer_id = c.id) order by number limit 2`)).map((r) => r.id);
    const open = (customerId: string, source: string, title: string) => openTicket(admin, { customerId, source, title });
    const oldest = await open(a, 'phone', 'Printer (two days ago)');
    const first = await open(a, 'phone', 'Printer broken');
    const duplicate = await open(a, 'phone', 'Printer still broken');
    // Same customer, source and day, but another matter: not a duplicate.
    const unrelated = await open(a, 'phone', 'Need a new laptop');
    const otherSource = await open(a, 'email', 'Printer by e-mail');
    const bulk1 = await open(a, 'bulk', 'Campaign call 1');
    const bulk2 = await open(a, 'bulk', 'Campaign call 2');
    const otherCustomer = await open(b, 'phone', 'Printer elsewhere');
    await ago(oldest.id, 'created_at', '30 hours');
    await ago(first.id, 'created_at', '5 hours');
    await ago(otherCustomer.id, 'created_at', '1 hour');

    await consolidateTickets(t.ctx);
    expect(await status(duplicate.id)).toMatchObject({ status: 'closed', merged_into_id: first.id, closed_at: expect.any(Date) });
    for (const kept of [oldest, first, unrelated, otherSource, bulk1, bulk2, otherCustomer]) expect((await status(kept.id)).status, kept.title as string).toBe('new');
    expect(await query(t, 'select kind from ticket_relations where ticket_id = $1 and related_id = $2', [duplicate.id, first.id])).toEqual([{ kind: 'duplicate_of' }]);
    expect(await actions(duplicate.id)).toEqual(['created', 'merged']);
    expect(await actions(first.id)).toEqual(['created', 'merged']);
    const detail = (await admin.get(`/api/v1/tickets/${duplicate.number}`)).json();
    expect(detail.mergedInto).toEqual({ id: first.id, number: first.number });
    const conversation = (await admin.get(`/api/v1/tickets/${duplicate.number}/messages`)).json().items;
    expect(conversation).toEqual([expect.objectContaining({ author: null, internal: false, body: expect.stringContaining(first.number) })]);
    const survivorHistory = (await admin.get(`/api/v1/tickets/${first.number}/history`)).json().items;
    expect(survivorHistory[0].text).toContain(duplicate.number);

    expect((await consolidateTickets(t.ctx)).merged).toBe(0);
    expect(await actions(first.id)).toEqual(['created', 'merged']);
  });

  it('respects the admin-set window and merges a client’s portal duplicates too', async () => {
    const one = await openTicket(client, { title: 'Login fails' });
    const two = await openTicket(client, { title: 'Login fails again' });
    // Move both far back so they sit 3 hours apart, away from every other ticket of this customer.
    await query(t, `update tickets set created_at = now() - interval '400 days' where id = $1`, [one.id]);
    await query(t, `update tickets set created_at = now() - interval '400 days' + interval '3 hours' where id = $1`, [two.id]);
    expect((await admin.patch('/api/v1/admin/settings', { tickets: { consolidationHours: 2 } })).statusCode).toBe(200);
    await consolidateTickets(t.ctx);
    expect((await status(two.id)).merged_into_id).toBeNull();
    expect((await admin.patch('/api/v1/admin/settings', { tickets: { consolidationHours: 4 } })).statusCode).toBe(200);
    await consolidateTickets(t.ctx);
    expect(await status(two.id)).toMatchObject({ status: 'closed', merged_into_id: one.id });
    expect((await client.get(`/api/v1/tickets/${two.number}`)).json().mergedInto).toEqual({ id: one.id, number: one.number });
    await admin.patch('/api/v1/admin/settings', { tickets: { consolidationHours: 24 } });
  });
});
