import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../test/harness.ts';

describe('branches and teams', () => {
  // One app for these its (starting one costs seconds). The its rely on their order: the first reads the demo organisation before the next ones add a branch and a team.
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
  });
  afterAll(async () => t.stop());

  it('lists the demo organisation to staff', async () => {
    const agent = await t.loginAs('agent');
    const branches = (await agent.get('/api/v1/branches')).json().items.map((b: { code: string }) => b.code).sort();
    expect(branches).toEqual(['HN', 'SH', 'SOF']);
    const teams = (await agent.get('/api/v1/teams')).json().items;
    const care = teams.find((team: { kind: string }) => team.kind === 'SUPPORT');
    expect(care.members.map((m: { name: string }) => m.name).sort()).toEqual(['Anna Georgieva', 'Petar Ivanov', 'Wei Zhang']);
    expect(care.manager.name).toBe('Minh Nguyen');
  });

  it('creates and edits a branch; a duplicate code is a 409 naming the field', async () => {
    const created = await admin.post('/api/v1/branches', { code: 'DN', name: 'Đà Nẵng', timeZone: 'Asia/Ho_Chi_Minh' });
    expect(created.statusCode).toBe(201);
    const duplicate = await admin.post('/api/v1/branches', { code: 'dn', name: 'Again' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].field).toBe('code');
    const { id } = created.json();
    const edited = await admin.patch(`/api/v1/branches/${id}`, { address: '1 Bạch Đằng' }, { headers: { 'if-match': '"1"' } });
    expect(edited.json()).toMatchObject({ address: '1 Bạch Đằng', version: 2 });
    expect((await admin.patch(`/api/v1/branches/${id}`, { name: 'x' }, { headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
  });

  it('creates a team with staff members only, and records membership changes in history', async () => {
    const users = (await admin.get('/api/v1/users?role=sales')).json().items;
    const created = await admin.post('/api/v1/teams', { name: 'Key accounts', kind: 'SALES', managerId: users[0].id, memberIds: [users[1].id] });
    expect(created.statusCode).toBe(201);
    const team = created.json();
    expect(team.members.map((m: { id: string }) => m.id)).toEqual([users[1].id]);

    const { rows } = await t.database.executor.query(`select id from users where role = 'client' limit 1`);
    const withClient = await admin.patch(`/api/v1/teams/${team.id}`, { memberIds: [rows[0].id] }, { headers: { 'if-match': '"1"' } });
    expect(withClient.statusCode).toBe(422);
    expect(withClient.json().errors[0].field).toBe('memberIds');

    const moved = await admin.patch(`/api/v1/teams/${team.id}`, { memberIds: [users[0].id, users[1].id] }, { headers: { 'if-match': '"1"' } });
    expect(moved.statusCode).toBe(200);
    const history = await t.database.executor.query(`select action, changes from history where entity_id = $1 order by id`, [team.id]);
    expect(history.rows.map((r) => r.action)).toEqual(['created', 'updated']);
    expect(history.rows[1].changes[0].field).toBe('members');
  });

  it('refuses a team with an unknown kind or a duplicate name', async () => {
    expect((await admin.post('/api/v1/teams', { name: 'X', kind: 'ROCKETS' })).json().errors[0].field).toBe('kind');
    const dup = await admin.post('/api/v1/teams', { name: 'sales', kind: 'SALES' });
    expect(dup.statusCode).toBe(409);
  });
});
