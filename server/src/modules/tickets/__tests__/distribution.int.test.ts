import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { distributeComponent, distributeTickets } from '../use-cases/distribute-tickets.ts';
import { customerOf, ifMatch, openTicket, query } from '../../../../test/factories/index.ts';

/** TKT-10 distribution, and the component staff/availability API (contract item 4). */
describe('ticket distribution (TKT-10)', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let admin: Agent;
  let agents: Agent[];
  let sales: Agent;
  let customerId: string;
  /** agent1..agent3 in the stable round-robin order: by name, then id. */
  let ordered: { id: string; name: string }[];
  let managerId: string;

  const processorOf = async (id: string) => (await query<{ processor_id: string | null; status: string }>(t, 'select processor_id, status from tickets where id = $1', [id]))[0];
  const component = async (key: string, distribution: string, extra: Record<string, unknown> = {}) => {
    const response = await admin.post('/api/v1/ticket-components', {
      key,
      name: key,
      distribution,
      staff: [...ordered.map((a) => ({ userId: a.id, role: 'agent' })), { userId: managerId, role: 'manager' }],
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; version: number; staff: { id: string; role: string; available: boolean }[] };
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    agents = await Promise.all(['agent1@demo.test', 'agent2@demo.test', 'agent3@demo.test'].map((e) => t.loginAs(e)));
    sales = await t.loginAs('sales1@demo.test');
    customerId = await customerOf(t, 'client2@demo.test');
    ordered = await query<{ id: string; name: string }>(t, `select id, name from users where email like 'agent_@demo.test' order by name, id`);
    managerId = (await query<{ id: string }>(t, `select id from users where email = 'manager@demo.test'`))[0].id;
  });
  afterAll(async () => t.stop());

  it('shows distribution and staff roles/availability; refuses bad staff by field', async () => {
    const c = await component('rr_shape', 'manual');
    expect(c.staff).toHaveLength(4);
    expect(c.staff.find((s) => s.id === managerId)).toMatchObject({ role: 'manager', available: true });
    const twice = await admin.post('/api/v1/ticket-components', { key: 'rr_twice', name: 'x', staff: [{ userId: managerId, role: 'agent' }, { userId: managerId, role: 'manager' }] });
    expect(twice.json().errors).toEqual([{ field: 'staff.1.userId', message: 'Listed twice.' }]);
    const client = (await query<{ id: string }>(t, `select id from users where email = 'client1@demo.test'`))[0].id;
    const bad = await admin.patch(`/api/v1/ticket-components/${c.id}`, { staff: [{ userId: client, role: 'agent' }] }, ifMatch(c.version));
    expect(bad.json().errors).toEqual([{ field: 'staff.0.userId', message: 'Not an active staff member.' }]);
    expect((await admin.post('/api/v1/ticket-components', { key: 'rr_bad', name: 'x', distribution: 'lottery' })).json().errors[0].field).toBe('distribution');
    const replaced = await admin.patch(`/api/v1/ticket-components/${c.id}`, { staff: [{ userId: ordered[0].id, role: 'agent' }], distribution: 'least_load' }, ifMatch(c.version));
    expect(replaced.json()).toMatchObject({ distribution: 'least_load', staff: [{ id: ordered[0].id, role: 'agent', available: true }] });
  });

  it('hands waiting tickets out by round robin in a stable order, continuing after the last one', async () => {
    const c = await component('rr_desk', 'manual');
    const opened = [];
    for (let i = 0; i < 6; i++) opened.push(await openTicket(admin, { customerId, componentId: c.id, title: `RR ${i}` }));
    expect(opened.every((o) => o.status === 'new')).toBe(true);
    const switched = await admin.patch(`/api/v1/ticket-components/${c.id}`, { distribution: 'round_robin' }, ifMatch(c.version));
    expect(switched.statusCode, switched.body).toBe(200);
    await distributeTickets(t.ctx);
    const got = await Promise.all(opened.map((o) => processorOf(o.id)));
    expect(got.map((g) => g.processor_id)).toEqual([0, 1, 2, 0, 1, 2].map((i) => ordered[i].id));
    expect(got.every((g) => g.status === 'in_progress')).toBe(true);

    // A new ticket in the component is handed out at once, to the next in line; the manager never gets one.
    const next = await openTicket(admin, { customerId, componentId: c.id, title: 'RR now' });
    expect(next).toMatchObject({ status: 'in_progress', processor: { id: ordered[0].id } });
    const history = await query<{ actor_id: string | null; changes: unknown }>(t, `select actor_id, changes from history where entity_id = $1 and action = 'assigned'`, [next.id]);
    expect(history).toEqual([{ actor_id: null, changes: [{ field: 'processorId', from: null, to: ordered[0].id }, { field: 'status', from: 'new', to: 'in_progress' }] }]);
    const notice = (await agents.find((a) => a.me!.id === ordered[0].id)!.get('/api/v1/notifications')).json().items.find((n: { kind: string; title: string }) => n.kind === 'ticket.assigned' && n.title.startsWith(next.number));
    expect(notice).toMatchObject({ link: `/tickets/${next.number}` });
    expect((await query(t, `select 1 from tickets where component_id = $1 and processor_id = $2`, [c.id, managerId])).length).toBe(0);
  });

  it('skips agents who marked themselves unavailable; only staff may toggle, only their own', async () => {
    const c = await component('rr_away', 'round_robin');
    const away = agents.find((a) => a.me!.id === ordered[1].id)!;
    const off = await away.post(`/api/v1/ticket-components/${c.id}/availability`, { available: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().staff.find((s: { id: string }) => s.id === ordered[1].id).available).toBe(false);
    expect(off.json().version).toBe(c.version);
    const history = await query<{ changes: unknown }>(t, `select changes from history where entity_id = $1 and action = 'availability'`, [c.id]);
    expect(history).toEqual([{ changes: [{ field: `staff.${ordered[1].id}.available`, from: true, to: false }] }]);
    const other = await admin.post('/api/v1/ticket-components', { key: 'rr_other', name: 'x', staff: [] });
    expect((await away.post(`/api/v1/ticket-components/${other.json().id}/availability`, { available: false })).statusCode).toBe(404);
    expect((await sales.post(`/api/v1/ticket-components/${c.id}/availability`, { available: false })).statusCode).toBe(403);

    const got = [];
    for (let i = 0; i < 4; i++) got.push((await openTicket(admin, { customerId, componentId: c.id, title: `Away ${i}` })).processor);
    expect(got.map((p) => (p as { id: string }).id)).toEqual([0, 2, 0, 2].map((i) => ordered[i].id));

    // Away from every agent: nothing is handed out, the ticket waits.
    for (const a of agents) await a.post(`/api/v1/ticket-components/${c.id}/availability`, { available: false });
    expect(await openTicket(admin, { customerId, componentId: c.id })).toMatchObject({ status: 'new', processor: null });
  });

  it('least load picks the agent with the fewest open tickets (ties by name)', async () => {
    const c = await component('ll_desk', 'least_load');
    const loads = async () => {
      const rows = await query<{ processor_id: string; n: number }>(t, `select processor_id, count(*)::int as n from tickets where processor_id = any($1::uuid[]) and status not in ('resolved', 'closed') group by processor_id`, [ordered.map((a) => a.id)]);
      return ordered.map((a) => ({ id: a.id, n: rows.find((r) => r.processor_id === a.id)?.n ?? 0 }));
    };
    for (let i = 0; i < 3; i++) {
      const before = await loads();
      const min = Math.min(...before.map((l) => l.n));
      const expected = before.find((l) => l.n === min)!.id;
      const ticket = await openTicket(admin, { customerId, componentId: c.id, title: `LL ${i}` });
      expect((ticket.processor as { id: string }).id, `round ${i}: ${JSON.stringify(before)}`).toBe(expected);
    }
    // Make agent3 the least loaded by far: resolve their open tickets.
    await query(t, `update tickets set status = 'resolved' where processor_id = $1 and status not in ('resolved', 'closed')`, [ordered[2].id]);
    expect((await openTicket(admin, { customerId, componentId: c.id })).processor).toMatchObject({ id: ordered[2].id });
  });

  it('never assigns a ticket twice when two runs race', async () => {
    const c = await component('rr_race', 'manual');
    const opened = [];
    for (let i = 0; i < 9; i++) opened.push(await openTicket(admin, { customerId, componentId: c.id, title: `Race ${i}` }));
    await query(t, `update ticket_components set distribution = 'round_robin' where id = $1`, [c.id]);
    await Promise.all([distributeComponent(t.ctx, c.id), distributeComponent(t.ctx, c.id), distributeTickets(t.ctx, c.id)]);
    const ids = opened.map((o) => o.id);
    const assigned = await query<{ entity_id: string; n: number }>(t, `select entity_id, count(*)::int as n from history where action = 'assigned' and entity_id = any($1::uuid[]) group by entity_id`, [ids]);
    expect(assigned.map((a) => a.n)).toEqual(ids.map(() => 1));
    const notes = await query<{ n: number }>(t, `select count(*)::int as n from notifications where kind = 'ticket.assigned' and data->>'ticketId' = any($1::text[])`, [ids]);
    expect(notes[0].n).toBe(9);
    const per = await query<{ processor_id: string; n: number }>(t, `select processor_id, count(*)::int as n from tickets where id = any($1::uuid[]) group by processor_id`, [ids]);
    expect(per.map((p) => p.n)).toEqual([3, 3, 3]);
    expect(await distributeTickets(t.ctx, c.id)).toEqual({ assigned: 0 });
  });
});
