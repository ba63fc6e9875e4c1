import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { addBusinessMinutes } from '../sla.ts';
import { runSlaSweep } from '../use-cases/sla-sweep.ts';
import { customerOf, ifMatch, openTicket, query } from '../../../../test/factories/index.ts';

const DEFAULTS = { 1: [1440, 10080], 2: [480, 4320], 3: [240, 2880], 4: [60, 1440], 5: [30, 480] } as Record<number, [number, number]>;

describe('SLA (TKT-9)', () => {
  // One app for these its (starting one costs seconds). The its rely on their order: the first reads the default policies, which the business-hours test then changes (priority 2, and priority 1 switched off).
  let t: TestApp;
  let admin: Agent;
  let manager: Agent;
  let agent: Agent;
  let client: Agent;
  let customerId: string;

  const row = async (id: string) =>
    (await query<Record<string, Date | null>>(t, `select created_at, first_response_due_at, resolution_due_at, sla_warned_at, first_response_breached_at, resolution_breached_at, first_response_at from tickets where id = $1`, [id]))[0];
  const minutesAfterCreation = (r: Record<string, Date | null>, column: string) => (new Date(r[column]!).getTime() - new Date(r.created_at!).getTime()) / 60_000;
  const notes = async (userId: string, kind: string, ticketId: string) =>
    (await query<{ n: number }>(t, `select count(*)::int as n from notifications where user_id = $1 and kind = $2 and data->>'ticketId' = $3`, [userId, kind, ticketId]))[0].n;
  const historyOf = async (ticketId: string, action: string) =>
    (await query<{ changes: { field: string }[]; actor_id: string | null; internal: boolean }>(t, `select changes, actor_id, internal from history where entity_type = 'ticket' and entity_id = $1 and action = $2`, [ticketId, action]));
  /** Moves a target relative to now: time passes in the database, never by sleeping. */
  const due = (id: string, column: string, minutesFromNow: number) => query(t, `update tickets set ${column} = now() + make_interval(mins => $2::int) where id = $1`, [id, minutesFromNow]);

  beforeAll(async () => {
    t = await createTestApp();
    [admin, manager, agent, client] = await Promise.all(['admin', 'manager', 'agent', 'client1@demo.test'].map((w) => t.loginAs(w)));
    customerId = await customerOf(t, 'client1@demo.test');
  });
  afterAll(async () => t.stop());

  it('sets both due dates from the policy of the priority, and again when the priority changes', async () => {
    for (const priority of [1, 2, 3, 4, 5]) {
      const ticket = await openTicket(agent, { customerId, priority });
      const r = await row(ticket.id);
      expect([minutesAfterCreation(r, 'first_response_due_at'), minutesAfterCreation(r, 'resolution_due_at')], `priority ${priority}`).toEqual(DEFAULTS[priority]);
      expect(ticket.sla).toMatchObject({ firstResponseDueAt: new Date(r.first_response_due_at!).toISOString(), breached: false });
    }
    const ticket = await openTicket(agent, { customerId, priority: 2 });
    const raised = await agent.patch(`/api/v1/tickets/${ticket.number}`, { priority: 5 }, ifMatch(ticket.version));
    expect(raised.statusCode, raised.body).toBe(200);
    const r = await row(ticket.id);
    // The clock still counts from the ticket's creation.
    expect([minutesAfterCreation(r, 'first_response_due_at'), minutesAfterCreation(r, 'resolution_due_at')]).toEqual(DEFAULTS[5]);
  });

  it('counts business hours in the policy time zone when the policy says so; an inactive policy sets none', async () => {
    const [p2] = (await (await admin.get('/api/v1/ticket-sla-policies')).json()).items.filter((p: { priority: number }) => p.priority === 2);
    const put = await admin.put('/api/v1/ticket-sla-policies/2', { firstResponseMinutes: 480, resolutionMinutes: 4320, warnBeforeMinutes: 120, businessHours: true, timeZone: 'Asia/Ho_Chi_Minh', active: true }, ifMatch(p2.version));
    expect(put.statusCode, put.body).toBe(200);
    expect(put.headers.etag).toBe(`"${p2.version + 1}"`);
    const ticket = await openTicket(agent, { customerId, priority: 2 });
    const r = await row(ticket.id);
    expect(new Date(r.first_response_due_at!).toISOString()).toBe(addBusinessMinutes(new Date(r.created_at!), 480, 'Asia/Ho_Chi_Minh').toISOString());
    expect(new Date(r.resolution_due_at!).toISOString()).toBe(addBusinessMinutes(new Date(r.created_at!), 4320, 'Asia/Ho_Chi_Minh').toISOString());

    const off = await admin.put('/api/v1/ticket-sla-policies/1', { firstResponseMinutes: 1440, resolutionMinutes: 10080, warnBeforeMinutes: 240, businessHours: false, timeZone: 'UTC', active: false }, ifMatch(1));
    expect(off.statusCode, off.body).toBe(200);
    const none = await row((await openTicket(agent, { customerId, priority: 1 })).id);
    expect([none.first_response_due_at, none.resolution_due_at]).toEqual([null, null]);
    const history = await query<{ changes: { field: string }[] }>(t, `select changes from history where entity_type = 'ticket_sla_policy' and entity_id = '00000000-0000-4000-8000-000000000002'`);
    expect(history.flatMap((h) => h.changes.map((c) => c.field)).sort()).toEqual(['businessHours', 'timeZone']);
  });

  it('refuses invalid policies naming the field, non-admins with 403, a stale version with 412', async () => {
    const policies = (await (await agent.get('/api/v1/ticket-sla-policies')).json()).items;
    expect(policies.map((p: { priority: number }) => p.priority)).toEqual([1, 2, 3, 4, 5]);
    const p3 = policies.find((p: { priority: number }) => p.priority === 3);
    const good = { firstResponseMinutes: 240, resolutionMinutes: 2880, warnBeforeMinutes: 60, businessHours: false, timeZone: 'UTC', active: true };
    const fields = async (body: Record<string, unknown>) => {
      const response = await admin.put('/api/v1/ticket-sla-policies/3', body, ifMatch(p3.version));
      expect(response.statusCode, response.body).toBe(400);
      return response.json().errors.map((e: { field: string }) => e.field);
    };
    expect(await fields({ ...good, resolutionMinutes: 100 })).toEqual(['resolutionMinutes']);
    expect(await fields({ ...good, warnBeforeMinutes: 240 })).toEqual(['warnBeforeMinutes']);
    expect(await fields({ ...good, timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
    expect(await fields({ ...good, firstResponseMinutes: 0 })).toContain('firstResponseMinutes');
    expect(await fields({ ...good, priority: 3 })).toEqual(['priority']);

    expect((await manager.put('/api/v1/ticket-sla-policies/3', good, ifMatch(p3.version))).statusCode).toBe(403);
    expect((await agent.put('/api/v1/ticket-sla-policies/3', good, ifMatch(p3.version))).statusCode).toBe(403);
    const clientRead = await client.get('/api/v1/ticket-sla-policies');
    expect(clientRead.statusCode).toBe(403);
    expect(clientRead.json().code).toBe('forbidden');

    const changed = await admin.put('/api/v1/ticket-sla-policies/3', { ...good, warnBeforeMinutes: 45 }, ifMatch(p3.version));
    expect(changed.json()).toMatchObject({ priority: 3, warnBeforeMinutes: 45, version: p3.version + 1 });
    const stale = await admin.put('/api/v1/ticket-sla-policies/3', { ...good, warnBeforeMinutes: 30 }, ifMatch(p3.version));
    expect(stale.statusCode).toBe(412);
    expect((await admin.put('/api/v1/ticket-sla-policies/3', good)).statusCode).toBe(428);
    expect((await agent.get('/api/v1/ticket-sla-policies')).json().items.find((p: { priority: number }) => p.priority === 3).warnBeforeMinutes).toBe(45);
  });

  it('warns the processor once when a target comes within the warning time; reruns add nothing', async () => {
    const ticket = await openTicket(agent, { customerId, priority: 3, processorId: agent.me!.id });
    await due(ticket.id, 'first_response_due_at', 20);
    await runSlaSweep(t.ctx);
    const warnedAt = (await row(ticket.id)).sla_warned_at;
    expect(warnedAt).not.toBeNull();
    expect(await notes(agent.me!.id, 'ticket.sla_warning', ticket.id)).toBe(1);
    await runSlaSweep(t.ctx);
    await runSlaSweep(t.ctx);
    expect(await notes(agent.me!.id, 'ticket.sla_warning', ticket.id)).toBe(1);
    expect((await row(ticket.id)).sla_warned_at).toEqual(warnedAt);

    // After the first response, the resolution target gets its own (single) warning.
    expect((await agent.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'On it.' })).statusCode).toBe(201);
    // Two days pass: the first warning lies far back, the resolution target is 30 minutes away.
    await query(t, `update tickets set sla_warned_at = now() - interval '2 days' where id = $1`, [ticket.id]);
    await due(ticket.id, 'resolution_due_at', 30);
    await runSlaSweep(t.ctx);
    await runSlaSweep(t.ctx);
    expect(await notes(agent.me!.id, 'ticket.sla_warning', ticket.id)).toBe(2);
  });

  it('tells the component managers while a ticket is unassigned', async () => {
    const users = await query<{ id: string; email: string }>(t, `select id, email from users where email in ('manager@demo.test', 'agent2@demo.test')`);
    const id = (email: string) => users.find((u) => u.email === email)!.id;
    const component = await admin.post('/api/v1/ticket-components', { key: 'sla_desk', name: 'SLA desk', staff: [{ userId: id('manager@demo.test'), role: 'manager' }, { userId: id('agent2@demo.test'), role: 'agent' }] });
    expect(component.statusCode, component.body).toBe(201);
    const ticket = await openTicket(agent, { customerId, priority: 4, componentId: component.json().id });
    await due(ticket.id, 'first_response_due_at', 10);
    await runSlaSweep(t.ctx);
    expect(await notes(id('manager@demo.test'), 'ticket.sla_warning', ticket.id)).toBe(1);
    expect(await notes(id('agent2@demo.test'), 'ticket.sla_warning', ticket.id)).toBe(0);
  });

  it('flags a missed first response and a missed resolution once each, with history and a notice', async () => {
    const ticket = await openTicket(agent, { customerId, priority: 4, processorId: agent.me!.id });
    await due(ticket.id, 'first_response_due_at', -1);
    await runSlaSweep(t.ctx);
    await runSlaSweep(t.ctx);
    const r = await row(ticket.id);
    expect(r.first_response_breached_at).not.toBeNull();
    expect(r.resolution_breached_at).toBeNull();
    const breaches = await historyOf(ticket.id, 'sla_breached');
    expect(breaches).toEqual([{ changes: [expect.objectContaining({ field: 'firstResponseBreachedAt' })], actor_id: null, internal: true }]);
    expect(await notes(agent.me!.id, 'ticket.sla_breached', ticket.id)).toBe(1);
    expect((await query(t, `select 1 from outbox where event = 'ticket.sla_breached' and payload->>'ticketId' = $1`, [ticket.id])).length).toBe(1);

    await due(ticket.id, 'resolution_due_at', -1);
    await runSlaSweep(t.ctx);
    await runSlaSweep(t.ctx);
    expect((await historyOf(ticket.id, 'sla_breached')).length).toBe(2);
    expect(await notes(agent.me!.id, 'ticket.sla_breached', ticket.id)).toBe(2);
    expect((await (await agent.get(`/api/v1/tickets/${ticket.number}`)).json()).sla).toMatchObject({ breached: true, firstResponseBreachedAt: expect.any(String), resolutionBreachedAt: expect.any(String) });
  });

  it('stamps the first response on the first public staff reply only, and then never flags it', async () => {
    const ticket = await openTicket(client, { priority: 5 });
    expect((await client.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Any news?' })).statusCode).toBe(201);
    expect((await agent.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Checking the contract', internal: true })).statusCode).toBe(201);
    expect((await row(ticket.id)).first_response_at).toBeNull();
    expect((await agent.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'We are on it.' })).statusCode).toBe(201);
    expect((await row(ticket.id)).first_response_at).not.toBeNull();
    await due(ticket.id, 'first_response_due_at', -5);
    await runSlaSweep(t.ctx);
    expect((await row(ticket.id)).first_response_breached_at).toBeNull();
  });

  it('lists open breached tickets in the breaching_sla view and the slaBreached filter; a reopened ticket gets a new resolution target', async () => {
    const breached = await openTicket(agent, { customerId, priority: 3 });
    const fine = await openTicket(agent, { customerId, priority: 3 });
    await due(breached.id, 'resolution_due_at', -1);
    await runSlaSweep(t.ctx);
    const numbers = async (q: Record<string, string>) => ((await agent.get('/api/v1/tickets', { query: { ...q, limit: '200' } })).json().items as { number: string }[]).map((i) => i.number);
    for (const q of [{ view: 'breaching_sla' }, { slaBreached: 'true' }] as Record<string, string>[]) {
      const listed = await numbers(q);
      expect(listed).toContain(breached.number);
      expect(listed).not.toContain(fine.number);
    }
    expect(await numbers({ slaBreached: 'false', customerId })).toContain(fine.number);

    // Resolved: no longer breaching; reopened: a fresh resolution target from now, flag cleared.
    const started = await agent.post(`/api/v1/tickets/${breached.number}/status`, { status: 'in_progress' }, ifMatch(breached.version));
    const resolved = await agent.post(`/api/v1/tickets/${breached.number}/status`, { status: 'resolved' }, ifMatch(started.json().version));
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(await numbers({ view: 'breaching_sla' })).not.toContain(breached.number);
    const reopened = await agent.post(`/api/v1/tickets/${breached.number}/status`, { status: 'in_progress' }, ifMatch(resolved.json().version));
    expect(reopened.statusCode, reopened.body).toBe(200);
    const r = await row(breached.id);
    expect(r.resolution_breached_at).toBeNull();
    const left = (new Date(r.resolution_due_at!).getTime() - Date.now()) / 60_000;
    expect(left).toBeGreaterThan(2880 - 5);
    expect(left).toBeLessThanOrEqual(2880);
  });
});
