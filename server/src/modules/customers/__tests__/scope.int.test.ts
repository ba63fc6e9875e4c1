import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../platform/permissions/roles.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/harness.ts';
import { aCustomer, aStaffUser } from '../../../../test/factories/index.ts';

/**
 * IAM-3 scopes on customers: who sees which customer. Invisible answers exactly like missing (404),
 * in the list as in reads and writes.
 */
describe('customer visibility per role', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  const agents = {} as Record<Role | 'sales2' | 'client2', Agent>;
  const ids = {} as Record<'teammate' | 'outsider' | 'unowned', { id: string; number: string }>;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor', 'client'] as Role[]) agents[role] = await t.loginAs(role);
    agents.sales2 = await t.loginAs('sales2@demo.test');
    agents.client2 = await t.loginAs('client2@demo.test');
    const admin = agents.admin;
    const sofia = (await admin.get('/api/v1/branches')).json().items.find((b: { code: string }) => b.code === 'SOF');
    const outsider = await aStaffUser(admin, 'sales', { branchId: sofia.id });
    const make = async (name: string, ownerId: string | null) => {
      const { id, number } = await aCustomer(admin, { fullName: name, ownerId });
      return { id, number };
    };
    ids.teammate = await make('Scope Teammate Customer', agents.sales2.me!.id);
    ids.outsider = await make('Scope Outsider Customer', outsider.id);
    ids.unowned = await make('Scope Unowned Customer', null);
  });
  afterAll(async () => t.stop());

  const status = async (who: keyof typeof agents, path: string) => (await agents[who].get(path)).statusCode;

  it.each([
    ['admin', [200, 200, 200]],
    ['auditor', [200, 200, 200]],
    ['marketing', [200, 200, 200]],
    ['agent', [200, 200, 200]],
    ['manager', [200, 404, 200]],
    ['sales', [200, 404, 404]],
  ] as const)('%s sees teammate / outsider / unowned customers as %j', async (role, expected) => {
    const got = [];
    for (const key of ['teammate', 'outsider', 'unowned'] as const) got.push(await status(role, `/api/v1/customers/${ids[key].number}`));
    expect(got).toEqual(expected);
    const listed = (await agents[role].get('/api/v1/customers?q=Scope&limit=50')).json().items.map((c: { id: string }) => c.id);
    expect(['teammate', 'outsider', 'unowned'].map((k) => listed.includes(ids[k as 'teammate'].id))).toEqual(expected.map((s) => s === 200));
  });

  it('answers an invisible customer exactly like a missing one, on every read and write', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [ids.outsider.id, missing]) {
      for (const path of ['', '/overview', '/timeline', '/addresses', '/activities']) {
        const r = await agents.sales.get(`/api/v1/customers/${id}${path}`);
        expect(r.statusCode, path).toBe(404);
      }
      const patch = await agents.sales.patch(`/api/v1/customers/${id}`, { level: 'important' }, { headers: { 'if-match': '"1"' } });
      expect(patch.statusCode).toBe(404);
      expect((await agents.sales.post(`/api/v1/customers/${id}/addresses`, { city: 'X' })).statusCode).toBe(404);
    }
    const unchanged = (await agents.admin.get(`/api/v1/customers/${ids.outsider.id}`)).json();
    expect(unchanged).toMatchObject({ level: 'normal', version: 1, addresses: [] });
  });

  it('lets sales edit their team\'s customers but keeps agents, marketing and auditors read-only', async () => {
    const edit = (who: keyof typeof agents) => agents[who].patch(`/api/v1/customers/${ids.teammate.id}`, { notes: `by ${who}` }, { headers: { 'if-match': '"1"' } });
    for (const who of ['agent', 'marketing', 'auditor'] as const) expect((await edit(who)).statusCode, who).toBe(403);
    expect((await edit('sales')).statusCode).toBe(200);
  });

  it('shows a client only their own customer, in the portal, without internal fields', async () => {
    expect(await status('client', `/api/v1/customers/${ids.teammate.id}`)).toBe(403);
    expect(await status('client', '/api/v1/customers')).toBe(403);
    const mine = (await agents.client.get('/api/v1/portal/customer')).json();
    const theirs = (await agents.client2.get('/api/v1/portal/customer')).json();
    expect(mine.name).toBe('Acme Logistics Ltd');
    expect(theirs.name).toBe('Công ty TNHH Sao Mai');
    expect(mine).not.toHaveProperty('notes');
    expect(mine).not.toHaveProperty('lifetimeValue');
    expect(mine).not.toHaveProperty('totalValue');
    expect(mine.contact).toEqual({ name: 'Sam Sales' });
    expect(await status('sales', '/api/v1/portal/customer')).toBe(403);
  });
});
