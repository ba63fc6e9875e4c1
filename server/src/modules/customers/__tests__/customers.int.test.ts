import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../test/harness.ts';

const ifMatch = (v: number | string) => ({ headers: { 'if-match': `"${v}"` } });

describe('customer profiles (CUS-1, CUS-2)', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let sales: Agent;
  let admin: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    sales = await t.loginAs('sales');
    admin = await t.loginAs('admin');
  });
  afterAll(async () => t.stop());

  it('creates an individual: number from the sequence, E.164 phone, owner, history, note, event', async () => {
    const response = await sales.post('/api/v1/customers', {
      firstName: 'Thảo',
      lastName: 'Vũ',
      phone: '0912 345 678',
      email: 'Thao.Vu@Example.test',
      tags: ['vip', 'vip', 'hot'],
      addresses: [{ city: 'Huế', country: 'VN' }, { city: 'Đà Nẵng', kind: 'billing' }],
    });
    expect(response.statusCode).toBe(201);
    const c = response.json();
    expect(c.number).toMatch(new RegExp(`^CUST-${new Date().getUTCFullYear()}-\\d{6}$`));
    expect(c).toMatchObject({ type: 'individual', name: 'Thảo Vũ', phone: '+84912345678', email: 'thao.vu@example.test', status: 'LEAD', level: 'normal', priority: 'MEDIUM', tags: ['vip', 'hot'], totalValue: null, lifetimeValue: '0.00', version: 1 });
    expect(c.owner.id).toBe(sales.me!.id);
    expect(c.addresses.filter((a: { isPrimary: boolean }) => a.isPrimary).map((a: { city: string }) => a.city)).toEqual(['Huế']);

    const { rows: seq } = await t.database.executor.query(`select last_value::int as n from customer_number_seq`);
    expect(c.number.endsWith(String(seq[0].n).padStart(6, '0'))).toBe(true);
    const history = await t.database.executor.query(`select action from history where entity_type = 'customer' and entity_id = $1`, [c.id]);
    expect(history.rows.map((r) => r.action)).toEqual(['created']);
    const notes = await t.database.executor.query(`select type, subject, status from activities where customer_id = $1`, [c.id]);
    expect(notes.rows).toEqual([{ type: 'NOTE', subject: 'Customer created', status: 'COMPLETED' }]);
    const events = await t.database.executor.query(`select event from outbox where payload->>'customerId' = $1`, [c.id]);
    expect(events.rows.map((r) => r.event)).toContain('customer.created');

    const byNumber = await sales.get(`/api/v1/customers/${c.number}`);
    expect(byNumber.statusCode).toBe(200);
    expect(byNumber.json().id).toBe(c.id);
    expect(byNumber.headers.etag).toBe('"1"');
  });

  it('reads national numbers in the customer country, else Vietnam', async () => {
    const uk = await sales.post('/api/v1/customers', { type: 'company', companyName: 'Tower Bridge Tea', country: 'gb', phone: '020 7946 0018', taxId: 'gb 123 456 789' });
    expect(uk.statusCode).toBe(201);
    expect(uk.json()).toMatchObject({ phone: '+442079460018', country: 'GB', taxId: 'GB123456789', name: 'Tower Bridge Tea', companyName: 'Tower Bridge Tea' });
    const byAddress = await sales.post('/api/v1/customers', { fullName: 'Петър Петров', mobile: '0888 123 456', addresses: [{ city: 'София', country: 'BG' }] });
    expect(byAddress.json().mobile).toBe('+359888123456');
  });

  it('refuses bad input with errors naming each field, and writes nothing', async () => {
    const before = await t.database.executor.query(`select count(*)::int as n from customers`);
    const cases: [unknown, string][] = [
      [{ type: 'company', industry: 'Retail' }, 'companyName'],
      [{ firstName: 'Ann', taxId: '0101234567' }, 'taxId'],
      [{ firstName: 'Ann', phone: '12345' }, 'phone'],
      [{ firstName: 'Ann', phone: 'call me maybe' }, 'phone'],
      [{ firstName: 'Ann', email: 'not-an-email' }, 'email'],
      [{ firstName: 'Ann', website: 'javascript:alert(1)' }, 'website'],
      [{ type: 'individual' }, 'firstName'],
      [{ firstName: 'Ann', annualRevenue: '12.345' }, 'annualRevenue'],
      [{ firstName: 'Ann', status: 'ACTIVE' }, 'status'],
      [{ firstName: 'Ann', role: 'admin' }, 'role'],
      [{ firstName: 'Ann', addresses: [{ isPrimary: true }, { isPrimary: true }] }, 'addresses'],
    ];
    for (const [body, field] of cases) {
      const response = await sales.post('/api/v1/customers', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field), JSON.stringify(body)).toContain(field);
    }
    const after = await t.database.executor.query(`select count(*)::int as n from customers`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses a duplicate phone, e-mail or tax ID among active customers, naming the existing record', async () => {
    const first = (await sales.post('/api/v1/customers', { type: 'company', companyName: 'Mekong Rice', phone: '+84 28 3822 1111', email: 'sales@mekong.test', taxId: '0301234567' })).json();
    const samePhone = await sales.post('/api/v1/customers', { firstName: 'Other', phone: '028 3822 1111' });
    expect(samePhone.statusCode).toBe(409);
    expect(samePhone.json()).toMatchObject({
      code: 'duplicate_customer',
      errors: [{ field: 'phone', message: `Already used by ${first.number} (Mekong Rice)` }],
      existing: { id: first.id, number: first.number, name: 'Mekong Rice' },
    });
    const sameEmail = await sales.post('/api/v1/customers', { firstName: 'Other', email: 'SALES@mekong.test' });
    expect(sameEmail.json().errors[0].field).toBe('email');
    const sameTax = await sales.post('/api/v1/customers', { type: 'company', companyName: 'Copy', taxId: '0301 234 567' });
    expect(sameTax.statusCode).toBe(409);
    expect(sameTax.json().errors[0].field).toBe('taxId');

    // An inactive customer frees its values; reactivating it then collides.
    const inactive = await sales.patch(`/api/v1/customers/${first.id}`, { status: 'INACTIVE' }, ifMatch(1));
    expect(inactive.statusCode).toBe(200);
    const reuse = await sales.post('/api/v1/customers', { type: 'company', companyName: 'Mekong Rice 2', phone: '02838221111' });
    expect(reuse.statusCode).toBe(201);
    const reactivate = await sales.patch(`/api/v1/customers/${first.id}`, { status: 'CUSTOMER' }, ifMatch(2));
    expect(reactivate.statusCode).toBe(409);
    expect(reactivate.json().existing.id).toBe(reuse.json().id);
  });

  it('lets exactly one of two identical concurrent creations win', async () => {
    const body = { type: 'company', companyName: 'Race Condition Ltd', phone: '+359 2 981 1234', email: 'race@condition.test', taxId: 'BG999888777' };
    const responses = await Promise.all([sales.post('/api/v1/customers', body), admin.post('/api/v1/customers', body)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const loser = responses.find((r) => r.statusCode === 409)!.json();
    expect(loser.code).toBe('duplicate_customer');
    expect(loser.existing.id).toBe(responses.find((r) => r.statusCode === 201)!.json().id);
    const { rows } = await t.database.executor.query(`select count(*)::int as n from customers where phone = '+35929811234'`);
    expect(rows[0].n).toBe(1);
  });

  it('edits with If-Match: 428 without, 412 when stale, history of the changed fields', async () => {
    const c = (await sales.post('/api/v1/customers', { firstName: 'Edit', lastName: 'Me' })).json();
    expect((await sales.patch(`/api/v1/customers/${c.id}`, { level: 'important' })).statusCode).toBe(428);
    const ok = await sales.patch(`/api/v1/customers/${c.number}`, { level: 'important', type: 'company', companyName: 'Edit Me Inc', taxId: 'X1' }, ifMatch(1));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ level: 'important', name: 'Edit Me Inc', type: 'company', taxId: 'X1', version: 2 });
    expect((await sales.patch(`/api/v1/customers/${c.id}`, { level: 'normal' }, ifMatch(1))).statusCode).toBe(412);
    const back = await sales.patch(`/api/v1/customers/${c.id}`, { type: 'individual' }, ifMatch(2));
    expect(back.statusCode).toBe(400);
    // Still has first/last name from creation, so only the tax ID stands in the way of becoming a person again.
    expect(back.json().errors.map((e: { field: string }) => e.field)).toEqual(['taxId']);
    const person = await sales.patch(`/api/v1/customers/${c.id}`, { type: 'individual', taxId: null }, ifMatch(2));
    expect(person.json()).toMatchObject({ type: 'individual', name: 'Edit Me', taxId: null, version: 3 });
    const history = await t.database.executor.query(`select action, changes from history where entity_id = $1 order by id`, [c.id]);
    expect(history.rows.map((r) => r.action)).toEqual(['created', 'updated', 'updated']);
    expect(history.rows[1].changes.map((ch: { field: string }) => ch.field).sort()).toEqual(['companyName', 'level', 'name', 'taxId', 'type']);
  });

  it('keeps exactly one primary address', async () => {
    const c = (await sales.post('/api/v1/customers', { firstName: 'Addr' })).json();
    const a1 = (await sales.post(`/api/v1/customers/${c.id}/addresses`, { city: 'Hà Nội' })).json();
    expect(a1.isPrimary).toBe(true);
    const a2 = (await sales.post(`/api/v1/customers/${c.id}/addresses`, { city: 'Hải Phòng', isPrimary: true })).json();
    expect(a2.isPrimary).toBe(true);
    const moved = await sales.patch(`/api/v1/customers/${c.id}/addresses/${a1.id}`, { isPrimary: true });
    expect(moved.json().isPrimary).toBe(true);
    const list = (await sales.get(`/api/v1/customers/${c.id}/addresses`)).json().items;
    expect(list.filter((a: { isPrimary: boolean }) => a.isPrimary).map((a: { id: string }) => a.id)).toEqual([a1.id]);
    expect((await sales.delete(`/api/v1/customers/${c.id}/addresses/${a1.id}`)).statusCode).toBe(204);
    const rest = (await sales.get(`/api/v1/customers/${c.id}/addresses`)).json().items;
    expect(rest).toMatchObject([{ id: a2.id, isPrimary: true }]);
    const actions = await t.database.executor.query(`select action from history where entity_id = $1 order by id`, [c.id]);
    expect(actions.rows.map((r) => r.action)).toEqual(['created', 'address_added', 'address_added', 'address_updated', 'address_removed']);
  });

  it('assigns owner and team (managers only), in history, notifying the new owner', async () => {
    const c = (await sales.post('/api/v1/customers', { firstName: 'Assign' })).json();
    const sales2 = await t.loginAs('sales2@demo.test');
    expect((await sales.post(`/api/v1/customers/${c.id}/assign`, { ownerId: sales2.me!.id })).statusCode).toBe(403);
    expect((await sales.post('/api/v1/customers', { firstName: 'Mine?', ownerId: sales2.me!.id })).statusCode).toBe(403);
    const manager = await t.loginAs('manager');
    const assigned = await manager.post(`/api/v1/customers/${c.id}/assign`, { ownerId: sales2.me!.id });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().owner.id).toBe(sales2.me!.id);
    const bad = await manager.post(`/api/v1/customers/${c.id}/assign`, { ownerId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('ownerId');
    const history = await t.database.executor.query(`select action from history where entity_id = $1 order by id`, [c.id]);
    expect(history.rows.map((r) => r.action)).toEqual(['created', 'assigned']);
    const bell = (await sales2.get('/api/v1/notifications')).json().items;
    expect(bell.some((n: { title: string }) => n.title.includes(c.number))).toBe(true);
  });
});
