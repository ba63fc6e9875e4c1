import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { customerOf, FIELDS, ifMatch, openTicket, query } from '../../../../test/factories/index.ts';

describe('tickets: model, types, limits, workflow, versions (TKT-1/2/3)', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let admin: Agent;
  let agent: Agent;
  let client: Agent;
  let customerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    agent = await t.loginAs('agent1@demo.test');
    client = await t.loginAs('client1@demo.test');
    customerId = await customerOf(t, 'client1@demo.test');
  });
  afterAll(async () => t.stop());

  it('numbers tickets TCK-NNNNNN from a sequence and reads them by number or id', async () => {
    const a = await openTicket(agent, { customerId });
    const b = await openTicket(agent, { customerId });
    expect(a.number).toMatch(/^TCK-\d{6}$/);
    expect(Number(b.number.slice(4))).toBe(Number(a.number.slice(4)) + 1);
    const byNumber = await agent.get(`/api/v1/tickets/${a.number}`);
    const byId = await agent.get(`/api/v1/tickets/${a.id}`);
    expect(byNumber.statusCode).toBe(200);
    expect(byNumber.json().id).toBe(a.id);
    expect(byId.json().number).toBe(a.number);
    expect(byNumber.headers.etag).toBe('"1"');
  });

  it('copies the client’s profile into the ticket and makes it a portal ticket of their customer', async () => {
    const ticket = await openTicket(client, {});
    const [user] = await query<{ name: string; email: string; phone: string | null; location: string | null; time_zone: string }>(t, `select name, email, phone, location, time_zone from users where email = 'client1@demo.test'`);
    expect(ticket).toMatchObject({ source: 'portal', customer: { id: customerId }, contact: { name: user.name, email: user.email, phone: user.phone, location: user.location, timeZone: user.time_zone } });
  });

  it('refuses a title over 100 and a description over 5000 characters, naming the field, writing nothing', async () => {
    const before = await query<{ n: number }>(t, 'select count(*)::int as n from tickets');
    const long = await agent.post('/api/v1/tickets', { title: 'x'.repeat(101), description: 'y'.repeat(5001), type: 'hr', typeFields: FIELDS.hr, customerId });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['description', 'title']);
    const ok = await agent.post('/api/v1/tickets', { title: 'x'.repeat(100), description: 'y'.repeat(5000), type: 'hr', typeFields: FIELDS.hr, customerId });
    expect(ok.statusCode).toBe(201);
    expect((await query<{ n: number }>(t, 'select count(*)::int as n from tickets'))[0].n).toBe(before[0].n + 1);
  });

  it('validates the type’s own fields: required ones missing, unknown ones and bad options are field errors', async () => {
    const missing = await agent.post('/api/v1/tickets', { title: 'Bug', description: 'Broken', type: 'programming', customerId, typeFields: { version: '1.2' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual(expect.arrayContaining([{ field: 'typeFields.system', message: 'Required.' }, { field: 'typeFields.steps', message: 'Required.' }]));
    const wrong = await agent.post('/api/v1/tickets', { title: 'Bug', description: 'Broken', type: 'programming', customerId, typeFields: { ...FIELDS.programming, system: 'Mainframe', colour: 'red' } });
    expect(wrong.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['typeFields.colour', 'typeFields.system']);
    const unknownType = await agent.post('/api/v1/tickets', { title: 'Bug', description: 'Broken', type: 'astrology', customerId });
    expect(unknownType.json().errors).toEqual([{ field: 'type', message: 'No such active ticket type.' }]);
    const ok = await openTicket(agent, { type: 'programming', customerId, typeFields: FIELDS.programming });
    expect(ok.typeFields).toEqual(FIELDS.programming);
  });

  it('lets admins manage types (their fields) and components (their staff); others are refused', async () => {
    const type = await admin.post('/api/v1/ticket-types', { key: 'legal', name: 'Legal', fields: [{ key: 'contract_no', label: 'Contract', type: 'text', required: true }] });
    expect(type.statusCode, type.body).toBe(201);
    const missing = await agent.post('/api/v1/tickets', { title: 'NDA', description: 'Review', type: 'legal', customerId });
    expect(missing.json().errors).toEqual([{ field: 'typeFields.contract_no', message: 'Required.' }]);
    const off = await admin.patch(`/api/v1/ticket-types/${type.json().id}`, { active: false }, ifMatch(1));
    expect(off.json().active).toBe(false);
    expect((await agent.post('/api/v1/tickets', { title: 'NDA', description: 'Review', type: 'legal', customerId, typeFields: { contract_no: 'C1' } })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/ticket-types', { key: 'legal', name: 'Again' })).statusCode).toBe(409);

    const agent2 = (await query<{ id: string }>(t, `select id from users where email = 'agent2@demo.test'`))[0].id;
    const component = await admin.post('/api/v1/ticket-components', { key: 'legal_desk', name: 'Legal desk', staff: [{ userId: agent2, role: 'agent' }] });
    expect(component.json()).toMatchObject({ distribution: 'manual', staff: [{ id: agent2, name: 'Anna Georgieva', role: 'agent', available: true }] });
    const clientId = (await query<{ id: string }>(t, `select id from users where email = 'client2@demo.test'`))[0].id;
    const badStaff = await admin.patch(`/api/v1/ticket-components/${component.json().id}`, { staff: [{ userId: clientId, role: 'agent' }] }, ifMatch(1));
    expect(badStaff.json().errors).toEqual([{ field: 'staff.0.userId', message: 'Not an active staff member.' }]);
    expect((await agent.post('/api/v1/ticket-types', { key: 'nope', name: 'Nope' })).statusCode).toBe(403);
    const forClient = await client.get('/api/v1/ticket-components');
    expect(forClient.json().items.every((c: { staff: unknown[] }) => c.staff.length === 0)).toBe(true);
  });

  it('takes ticket custom fields (PLT-11): validated on write, filterable in the list', async () => {
    const def = await admin.post('/api/v1/custom-fields', { entity: 'ticket', key: 'contract_tier', label: 'Contract tier', type: 'select', options: ['gold', 'silver'] });
    expect(def.statusCode, def.body).toBe(201);
    const bad = await agent.post('/api/v1/tickets', { title: 'T', description: 'D', type: 'hr', typeFields: FIELDS.hr, customerId, custom: { contract_tier: 'bronze' } });
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['custom.contract_tier']);
    const gold = await openTicket(agent, { customerId, custom: { contract_tier: 'gold' } });
    await openTicket(agent, { customerId, custom: { contract_tier: 'silver' } });
    const listed = await agent.get('/api/v1/tickets', { query: { custom: JSON.stringify({ contract_tier: 'gold' }) } });
    expect(listed.json().items.map((i: { id: string }) => i.id)).toEqual([gold.id]);
    expect((await agent.get('/api/v1/tickets', { query: { custom: JSON.stringify({ nope: 1 }) } })).json().errors[0].field).toBe('custom.nope');
    // A field is hidden from clients unless the admin shows it to them (client-custom-fields.int.test.ts): they may not set it.
    const byClient = await client.post('/api/v1/tickets', { title: 'T', description: 'D', type: 'hr', typeFields: FIELDS.hr, custom: { contract_tier: 'gold' } });
    expect(byClient.statusCode).toBe(422);
    expect(byClient.json().errors).toEqual([{ field: 'custom.contract_tier', message: 'Clients cannot set this field.' }]);
  });

  it('follows the status graph and refuses illegal moves naming the field, changing nothing', async () => {
    const ticket = await openTicket(agent, { customerId });
    const illegal = await agent.post(`/api/v1/tickets/${ticket.number}/status`, { status: 'resolved' }, ifMatch(1));
    expect(illegal.statusCode).toBe(422);
    expect(illegal.json()).toMatchObject({ code: 'illegal_transition', errors: [{ field: 'status' }] });
    expect((await agent.get(`/api/v1/tickets/${ticket.id}`)).json()).toMatchObject({ status: 'new', version: 1 });

    let version = 1;
    for (const status of ['in_progress', 'waiting_on_customer', 'in_progress', 'resolved', 'closed', 'in_progress', 'resolved'] as const) {
      const response = await agent.post(`/api/v1/tickets/${ticket.number}/status`, { status }, ifMatch(version));
      expect(response.statusCode, `${status}: ${response.body}`).toBe(200);
      expect(response.json().status).toBe(status);
      version = response.json().version;
    }
    expect((await agent.get(`/api/v1/tickets/${ticket.id}`)).json().resolvedAt).not.toBeNull();
    // Clients confirm or reopen a resolved ticket, nothing else.
    const own = await openTicket(client, {});
    const clientMove = await client.post(`/api/v1/tickets/${own.number}/status`, { status: 'in_progress' }, ifMatch(1));
    expect(clientMove.statusCode).toBe(422);
    expect(clientMove.json().errors[0].field).toBe('status');
  });

  it('keeps at most one processor; assigning a new ticket starts work; history reads as a timeline with names', async () => {
    const ticket = await openTicket(client, {});
    const [agent2] = await query<{ id: string }>(t, `select id from users where email = 'agent2@demo.test'`);
    const [component] = await query<{ id: string }>(t, `select id from ticket_components where key = 'software'`);
    const assigned = await agent.post(`/api/v1/tickets/${ticket.number}/assign`, { processorId: agent2.id, componentId: component.id }, ifMatch(1));
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'in_progress', processor: { id: agent2.id, name: 'Anna Georgieva' }, component: { name: 'Software' } });
    const history = await agent.get(`/api/v1/tickets/${ticket.number}/history`);
    const texts = history.json().items.map((h: { text: string }) => h.text);
    expect(texts[0]).toContain('Petar Ivanov: processorId — → Anna Georgieva');
    expect(texts[0]).toContain('componentId — → Software');
    expect(texts[0]).toContain('status new → in_progress');
    expect(texts.at(-1)).toBe('Chris Client created the ticket');
    // A client cannot pick the processor at all; a sales rep (no tickets.assign) gets a field error.
    expect((await client.post(`/api/v1/tickets/${ticket.number}/assign`, { processorId: null }, ifMatch(2))).statusCode).toBe(403);
    const sales = await t.loginAs('sales1@demo.test');
    const salesCustomer = (await query<{ id: string }>(t, 'select id from customers where owner_id = $1 limit 1', [sales.me!.id]))[0].id;
    const bySales = await sales.post('/api/v1/tickets', { title: 'Quote', description: 'Needs a quote', type: 'hr', typeFields: FIELDS.hr, customerId: salesCustomer, processorId: agent2.id });
    expect(bySales.statusCode).toBe(400);
    expect(bySales.json().errors).toEqual([{ field: 'processorId', message: 'You may not choose the processor.' }]);
    // Replacing the processor keeps exactly one; a stale assignment changes nothing.
    const me = agent.me!.id;
    const reassigned = await agent.post(`/api/v1/tickets/${ticket.number}/assign`, { processorId: me }, ifMatch(2));
    expect(reassigned.json().processor.id).toBe(me);
    expect((await agent.post(`/api/v1/tickets/${ticket.number}/assign`, { processorId: agent2.id }, ifMatch(2))).statusCode).toBe(412);
    expect((await agent.get(`/api/v1/tickets/${ticket.number}`)).json().processor.id).toBe(me);
  });

  it('answers 412 to a stale If-Match and changes nothing; 428 without one', async () => {
    const ticket = await openTicket(agent, { customerId });
    const first = await agent.patch(`/api/v1/tickets/${ticket.id}`, { title: 'Renamed once' }, ifMatch(1));
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await agent.patch(`/api/v1/tickets/${ticket.id}`, { title: 'Renamed twice', priority: 5 }, ifMatch(1));
    expect(stale.statusCode).toBe(412);
    const staleStatus = await agent.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'in_progress' }, ifMatch(1));
    expect(staleStatus.statusCode).toBe(412);
    const now = (await agent.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(now).toMatchObject({ title: 'Renamed once', priority: 3, status: 'new', version: 2 });
    const [{ n }] = await query<{ n: number }>(t, `select count(*)::int as n from history where entity_id = $1 and action = 'updated'`, [ticket.id]);
    expect(n).toBe(1);
    expect((await agent.patch(`/api/v1/tickets/${ticket.id}`, { title: 'No header' })).statusCode).toBe(428);
  });
});
