import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../test/harness.ts';

const fields = (r: { json(): { errors: { field: string }[] } }) => r.json().errors.map((e) => e.field).sort();

describe('custom fields on customers (PLT-11)', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let admin: Agent;
  let sales: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    sales = await t.loginAs('sales');
    const defs = [
      { entity: 'customer', key: 'budget', label: { en: 'Budget', vi: 'Ngân sách' }, type: 'number' },
      { entity: 'customer', key: 'channels', label: 'Channels', type: 'multi-select', options: ['web', 'phone', 'shop'] },
      { entity: 'customer', key: 'signed_on', label: 'Signed on', type: 'date' },
      { entity: 'customer', key: 'region', label: 'Region', type: 'select', options: ['north', 'south'], required: true },
    ];
    for (const d of defs) expect((await admin.post('/api/v1/custom-fields', d)).statusCode).toBe(201);
  });
  afterAll(async () => t.stop());

  it('lets only admins define fields; definitions are validated', async () => {
    expect((await sales.post('/api/v1/custom-fields', { entity: 'customer', key: 'x', label: 'X', type: 'text' })).statusCode).toBe(403);
    const dup = await admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'budget', label: 'Again', type: 'text' });
    expect(dup.statusCode).toBe(409);
    expect(fields(await admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'pick', label: 'Pick', type: 'select' }))).toEqual(['options']);
    expect(fields(await admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'Bad Key', label: 'B', type: 'text' }))).toEqual(['key']);
    expect(fields(await admin.post('/api/v1/custom-fields', { entity: 'invoice', key: 'k', label: 'K', type: 'text' }))).toEqual(['entity']);
    const list = (await sales.get('/api/v1/custom-fields?entity=customer')).json().items;
    const budget = list.find((d: { key: string }) => d.key === 'budget');
    expect(budget).toMatchObject({ label: 'Budget', labels: { en: 'Budget', vi: 'Ngân sách' }, type: 'number' });
    // Key and type are fixed once created.
    expect((await admin.patch(`/api/v1/custom-fields/${budget.id}`, { type: 'text' }, { headers: { 'if-match': '"1"' } })).statusCode).toBe(400);
  });

  it('validates values by type and names the field custom.<key>', async () => {
    const bad = await sales.post('/api/v1/customers', {
      firstName: 'Typed',
      custom: { budget: 'lots', channels: ['web', 'fax'], signed_on: '2026-02-30', region: 'east', nope: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['custom.budget', 'custom.channels', 'custom.nope', 'custom.region', 'custom.signed_on']);
    const missing = await sales.post('/api/v1/customers', { firstName: 'Typed' });
    expect(fields(missing)).toEqual(['custom.region']);
    const ok = await sales.post('/api/v1/customers', { firstName: 'Typed', custom: { budget: 1200.5, channels: ['web', 'web', 'shop'], signed_on: '2026-02-28', region: 'north' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().custom).toEqual({ budget: 1200.5, channels: ['web', 'shop'], signed_on: '2026-02-28', region: 'north' });

    const c = ok.json();
    const cleared = await sales.patch(`/api/v1/customers/${c.id}`, { custom: { region: null } }, { headers: { 'if-match': '"1"' } });
    expect(fields(cleared)).toEqual(['custom.region']);
    const edited = await sales.patch(`/api/v1/customers/${c.id}`, { custom: { budget: null, region: 'south' } }, { headers: { 'if-match': '"1"' } });
    expect(edited.json().custom).toEqual({ channels: ['web', 'shop'], signed_on: '2026-02-28', region: 'south' });
  });

  it('filters the list by custom values (containment) and refuses a filter of the wrong type', async () => {
    await sales.post('/api/v1/customers', { firstName: 'Filter A', custom: { region: 'north', channels: ['phone'] } });
    await sales.post('/api/v1/customers', { firstName: 'Filter B', custom: { region: 'south', channels: ['phone', 'web'] } });
    const q = (custom: unknown) => sales.get(`/api/v1/customers?q=Filter&custom=${encodeURIComponent(JSON.stringify(custom))}`);
    const north = (await q({ region: 'north' })).json().items.map((c: { name: string }) => c.name);
    expect(north).toEqual(['Filter A']);
    const phoneAndWeb = (await q({ channels: ['phone', 'web'] })).json().items.map((c: { name: string }) => c.name);
    expect(phoneAndWeb).toEqual(['Filter B']);
    const wrong = await q({ budget: 'big' });
    expect(wrong.statusCode).toBe(400);
    expect(fields(wrong)).toEqual(['custom.budget']);
  });

  it('refuses values for a deactivated field but keeps what is stored', async () => {
    const def = (await admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'legacy', label: 'Legacy', type: 'checkbox' })).json();
    const c = (await sales.post('/api/v1/customers', { firstName: 'Legacy', custom: { region: 'north', legacy: true } })).json();
    const off = await admin.patch(`/api/v1/custom-fields/${def.id}`, { active: false }, { headers: { 'if-match': '"1"' } });
    expect(off.json().active, off.body).toBe(false);
    const refused = await sales.patch(`/api/v1/customers/${c.id}`, { custom: { legacy: false } }, { headers: { 'if-match': '"1"' } });
    expect(fields(refused)).toEqual(['custom.legacy']);
    expect((await sales.get(`/api/v1/customers/${c.id}`)).json().custom.legacy).toBe(true);
  });
});
