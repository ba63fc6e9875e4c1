import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { customerOf, FIELDS, ifMatch, openTicket, query } from '../../../../test/factories/index.ts';

const fields = (r: { json(): { errors?: { field: string }[] } }) => (r.json().errors ?? []).map((e) => e.field).sort();
const portalTicket = (extra: Record<string, unknown> = {}) => ({ title: 'Invoice wrong', description: 'The March invoice is wrong.', type: 'hr', typeFields: FIELDS.hr, ...extra });

describe('ticket custom fields and clients (PLT-11, issue 10 defect 1)', () => {
  // One app for these its: they share it and the three ticket field definitions made in beforeAll
  // (a required one hidden from clients, a visible one, a required one clients fill); each it opens its own tickets.
  let t: TestApp;
  let admin: Agent;
  let agent: Agent;
  let client: Agent;
  let customerId: string;
  const staffValues = { credit_note: 'CN-17', order_ref: 'ORD-1' };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    agent = await t.loginAs('agent1@demo.test');
    client = await t.loginAs('client1@demo.test');
    customerId = await customerOf(t, 'client1@demo.test');
    const defs = [
      { entity: 'ticket', key: 'credit_note', label: 'Credit note', type: 'text', required: true },
      { entity: 'ticket', key: 'plan', label: 'Plan', type: 'select', options: ['basic', 'pro'], clientAccess: 'visible' },
      { entity: 'ticket', key: 'order_ref', label: 'Order number', type: 'text', required: true, clientAccess: 'editable' },
    ];
    for (const d of defs) {
      const created = await admin.post('/api/v1/custom-fields', d);
      expect(created.statusCode, created.body).toBe(201);
    }
  });
  afterAll(async () => t.stop());

  it('lets a client open a ticket while a required field is hidden from clients, asking only for the one they fill', async () => {
    const missing = await client.post('/api/v1/tickets', portalTicket());
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ field: 'custom.order_ref', message: 'Required.' }]);
    const created = await client.post('/api/v1/tickets', portalTicket({ custom: { order_ref: 'ORD-42' } }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().custom).toEqual({ order_ref: 'ORD-42' });
  });

  it('refuses a client’s value for a hidden or visible-only field by name (422), writing nothing', async () => {
    const before = (await query<{ n: number }>(t, 'select count(*)::int as n from tickets'))[0].n;
    const hidden = await client.post('/api/v1/tickets', portalTicket({ custom: { order_ref: 'ORD-1', credit_note: 'CN-1' } }));
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json()).toMatchObject({ code: 'field_not_allowed', errors: [{ field: 'custom.credit_note' }] });
    const visible = await client.post('/api/v1/tickets', portalTicket({ custom: { order_ref: 'ORD-1', plan: 'pro' } }));
    expect(visible.statusCode).toBe(422);
    expect(fields(visible)).toEqual(['custom.plan']);
    expect((await query<{ n: number }>(t, 'select count(*)::int as n from tickets'))[0].n).toBe(before);
    // A field that does not exist reads like one the client may not see.
    expect(fields(await client.post('/api/v1/tickets', portalTicket({ custom: { order_ref: 'ORD-1', nope: 1 } })))).toEqual(['custom.nope']);
  });

  it('still asks staff for every required field when they open a ticket', async () => {
    const missing = await agent.post('/api/v1/tickets', portalTicket({ customerId }));
    expect(missing.statusCode).toBe(400);
    expect(fields(missing)).toEqual(['custom.credit_note', 'custom.order_ref']);
    const ok = await openTicket(agent, { customerId, custom: { ...staffValues, plan: 'basic' } });
    expect(ok.custom).toEqual({ ...staffValues, plan: 'basic' });
  });

  it('shows a client the visible and editable values of their ticket, never the hidden ones', async () => {
    const ticket = await openTicket(agent, { customerId, custom: { ...staffValues, plan: 'pro' } });
    const forClient = await client.get(`/api/v1/tickets/${ticket.number}`);
    expect(forClient.statusCode).toBe(200);
    expect(forClient.json().custom).toEqual({ order_ref: 'ORD-1', plan: 'pro' });
    expect(forClient.body).not.toContain('CN-17');
    expect((await agent.get(`/api/v1/tickets/${ticket.number}`)).json().custom).toEqual({ ...staffValues, plan: 'pro' });
    // Filtering by a hidden value would reveal it: the field does not exist for clients.
    const byHidden = await client.get('/api/v1/tickets', { query: { custom: JSON.stringify({ credit_note: 'CN-17' }) } });
    expect(byHidden.statusCode).toBe(400);
    expect(fields(byHidden)).toEqual(['custom.credit_note']);
    const byPlan = await client.get('/api/v1/tickets', { query: { custom: JSON.stringify({ plan: 'pro' }) } });
    expect(byPlan.json().items.map((i: { id: string }) => i.id)).toContain(ticket.id);
  });

  it('gives list rows the custom values too: staff all of them, a client only the shown ones (decision 0007)', async () => {
    const ticket = await openTicket(agent, { customerId, custom: { credit_note: 'CN-LIST-3', order_ref: 'ORD-3', plan: 'basic' } });
    type Row = { id: string; custom: Record<string, unknown> };
    const row = async (who: Agent) => {
      const r = await who.get('/api/v1/tickets', { query: { customerId, limit: '200' } });
      expect(r.statusCode, r.body).toBe(200);
      return { body: r.body, row: (r.json().items as Row[]).find((i) => i.id === ticket.id) };
    };
    expect((await row(agent)).row?.custom).toEqual({ credit_note: 'CN-LIST-3', order_ref: 'ORD-3', plan: 'basic' });
    const forClient = await row(client);
    expect(forClient.row?.custom).toEqual({ order_ref: 'ORD-3', plan: 'basic' });
    // Not in any row of the client's page, under any key.
    expect(forClient.body).not.toContain('CN-LIST-3');
    expect(forClient.body).not.toContain('credit_note');
  });

  it('gives a client the definitions they see (portal form), and staff all of them', async () => {
    const forClient = await client.get('/api/v1/custom-fields', { query: { entity: 'ticket' } });
    expect(forClient.statusCode).toBe(200);
    expect(forClient.json().items.map((d: { key: string; clientAccess: string }) => [d.key, d.clientAccess])).toEqual([['order_ref', 'editable'], ['plan', 'visible']]);
    expect((await client.get('/api/v1/custom-fields', { query: { entity: 'customer' } })).json().items).toEqual([]);
    const forStaff = (await agent.get('/api/v1/custom-fields', { query: { entity: 'ticket' } })).json().items;
    expect(forStaff.find((d: { key: string }) => d.key === 'credit_note')).toMatchObject({ required: true, clientAccess: 'hidden' });
  });

  it('lets a client edit an editable field later, and only that one', async () => {
    const own = (await client.post('/api/v1/tickets', portalTicket({ custom: { order_ref: 'ORD-5' } }))).json();
    const edited = await client.patch(`/api/v1/tickets/${own.number}`, { custom: { order_ref: 'ORD-6' } }, ifMatch(own.version));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().custom).toEqual({ order_ref: 'ORD-6' });
    const refused = await client.patch(`/api/v1/tickets/${own.number}`, { custom: { plan: 'pro' } }, ifMatch(edited.json().version));
    expect(refused.statusCode).toBe(422);
    expect(fields(refused)).toEqual(['custom.plan']);
  });

  it('lets staff work a portal ticket without the hidden required field, but resolve it only once it is filled', async () => {
    const own = (await client.post('/api/v1/tickets', portalTicket({ custom: { order_ref: 'ORD-7' } }))).json();
    const taken = await agent.patch(`/api/v1/tickets/${own.number}`, { priority: 4 }, ifMatch(own.version));
    expect(taken.statusCode, taken.body).toBe(200);
    const started = await agent.post(`/api/v1/tickets/${own.number}/status`, { status: 'in_progress' }, ifMatch(taken.json().version));
    expect(started.statusCode, started.body).toBe(200);
    const blocked = await agent.post(`/api/v1/tickets/${own.number}/status`, { status: 'resolved' }, ifMatch(started.json().version));
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json()).toMatchObject({ code: 'custom_fields_required', errors: [{ field: 'custom.credit_note', message: 'Required.' }] });
    const filled = await agent.patch(`/api/v1/tickets/${own.number}`, { custom: { credit_note: 'CN-9' } }, ifMatch(started.json().version));
    expect(filled.statusCode, filled.body).toBe(200);
    const resolved = await agent.post(`/api/v1/tickets/${own.number}/status`, { status: 'resolved' }, ifMatch(filled.json().version));
    expect(resolved.statusCode, resolved.body).toBe(200);
  });

  it('validates clientAccess on definitions (400 naming it) and records its changes in history', async () => {
    expect(fields(await admin.post('/api/v1/custom-fields', { entity: 'ticket', key: 'bad_access', label: 'B', type: 'text', clientAccess: 'public' }))).toEqual(['clientAccess']);
    // Clients see tickets only: another entity's field cannot be shown to them.
    expect(fields(await admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'shown', label: 'S', type: 'text', clientAccess: 'visible' }))).toEqual(['clientAccess']);
    const def = (await admin.get('/api/v1/custom-fields', { query: { entity: 'ticket' } })).json().items.find((d: { key: string }) => d.key === 'plan');
    expect(fields(await admin.patch(`/api/v1/custom-fields/${def.id}`, { clientAccess: 'everyone' }, ifMatch(def.version)))).toEqual(['clientAccess']);
    const patched = await admin.patch(`/api/v1/custom-fields/${def.id}`, { clientAccess: 'editable' }, ifMatch(def.version));
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().clientAccess).toBe('editable');
    const [entry] = await query<{ changes: unknown }>(t, `select changes from history where entity_type = 'custom_field' and entity_id = $1 and action = 'updated' order by id desc limit 1`, [def.id]);
    expect(entry.changes).toEqual([{ field: 'clientAccess', from: 'visible', to: 'editable' }]);
    const customerField = (await admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'segment_note', label: 'S', type: 'text' })).json();
    expect(customerField.clientAccess).toBe('hidden');
    expect(fields(await admin.patch(`/api/v1/custom-fields/${customerField.id}`, { clientAccess: 'visible' }, ifMatch(customerField.version)))).toEqual(['clientAccess']);
  });
});
