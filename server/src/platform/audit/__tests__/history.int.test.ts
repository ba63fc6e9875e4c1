import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';

describe('record history', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let admin: Agent;
  let userId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    const sales = await t.loginAs('sales2@demo.test');
    userId = sales.me!.id;
    // Three real changes through the API, each appending history in its own transaction.
    let version = (await admin.get(`/api/v1/users/${userId}`)).json().version;
    for (const phone of ['+84901000001', '+84901000002']) {
      const response = await admin.patch(`/api/v1/users/${userId}`, { phone }, { headers: { 'if-match': `"${version}"` } });
      expect(response.statusCode).toBe(200);
      version = response.json().version;
    }
    expect((await admin.post(`/api/v1/users/${userId}/deactivate`)).statusCode).toBe(200);
  });
  afterAll(async () => t.stop());

  it('reads a record’s history newest first, page by page, for auditors', async () => {
    const auditor = await t.loginAs('auditor');
    const first = await auditor.get(`/api/v1/history/user/${userId}`, { query: { limit: '2' } });
    expect(first.statusCode).toBe(200);
    const items = first.json().items;
    expect(items.map((h: any) => h.action)).toEqual(['deactivated', 'updated']);
    expect(items[0]).toMatchObject({ actorId: admin.me!.id, changes: [{ field: 'active', from: true, to: false }], internal: false, at: expect.any(String) });
    expect(items[1].changes).toEqual([{ field: 'phone', from: '+84901000001', to: '+84901000002' }]);
    const second = await auditor.get(`/api/v1/history/user/${userId}`, { query: { limit: '2', cursor: first.json().nextCursor } });
    expect(second.json().items.map((h: any) => h.changes)).toEqual([[{ field: 'phone', from: expect.anything(), to: '+84901000001' }]]);
    expect(second.json().nextCursor).toBeNull();
    expect(first.json().items[1].id).toBeGreaterThan(second.json().items[0].id);
  });

  it('answers an empty page for a record without history, and refuses bad parameters and other roles', async () => {
    const empty = await admin.get('/api/v1/history/user/00000000-0000-4000-8000-000000000000');
    expect(empty.json()).toEqual({ items: [], nextCursor: null });
    expect((await admin.get('/api/v1/history/user/not-a-uuid')).json().errors[0].field).toBe('params.entityId');
    expect((await admin.get('/api/v1/history/Users;drop/00000000-0000-4000-8000-000000000000')).statusCode).toBe(400);
    expect((await admin.get(`/api/v1/history/user/${userId}`, { query: { cursor: 'garbage' } })).statusCode).toBe(400);
    for (const role of ['sales', 'agent', 'marketing', 'client'] as const) {
      expect((await (await t.loginAs(role)).get(`/api/v1/history/user/${userId}`)).statusCode, role).toBe(403);
    }
  });

  it('is append-only: the database refuses to update or delete history rows', async () => {
    const { rows } = await t.database.executor.query<{ id: number }>('select id from history where entity_id = $1 limit 1', [userId]);
    await expect(t.database.executor.query(`update history set action = 'forged' where id = $1`, [rows[0].id])).rejects.toMatchObject({
      message: expect.stringContaining('append-only'),
    });
    await expect(t.database.executor.query('delete from history where id = $1', [rows[0].id])).rejects.toMatchObject({ code: '42501' });
    // Through Drizzle in a transaction too (the error arrives wrapped, PostgreSQL's code as its cause).
    await expect(t.database.transaction((tx) => tx.execute(`delete from history where entity_id = '${userId}'`))).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '42501' }),
    });
    const { rows: after } = await t.database.executor.query('select action from history where entity_id = $1 order by id', [userId]);
    expect(after.map((r: any) => r.action)).toEqual(['updated', 'updated', 'deactivated']);
  });
});
