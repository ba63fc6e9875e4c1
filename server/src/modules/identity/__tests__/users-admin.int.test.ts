import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Agent, type TestApp } from '../../../../test/harness.ts';

const newUser = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  name: 'Nina New',
  role: 'agent',
  password: 'correct horse battery',
  timeZone: 'Europe/Sofia',
  language: 'bg',
  ...extra,
});

describe('user administration', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await createTestApp({}, { realLogins: true });
    admin = await t.loginAs('admin');
  });
  afterAll(async () => t.stop());

  it('creates a user who can then sign in; the history records who created it', async () => {
    const created = await admin.post('/api/v1/users', newUser('Nina@Example.test'));
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({ email: 'nina@example.test', role: 'agent', active: true, version: 1, language: 'bg' });
    expect(created.body).not.toContain('password');
    expect((await login(t, 'nina@example.test', 'correct horse battery')).statusCode).toBe(200);
    const history = await t.database.executor.query('select actor_id, action from history where entity_id = $1', [user.id]);
    expect(history.rows).toEqual([{ actor_id: admin.me!.id, action: 'created' }]);
  });

  it('refuses a duplicate e-mail (any case) with 409 naming the field, and writes nothing', async () => {
    const count = async () => (await t.database.executor.query('select count(*)::int as n from users')).rows[0].n;
    const before = await count();
    const response = await admin.post('/api/v1/users', newUser('SALES1@demo.test'));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'email_taken', errors: [{ field: 'email', message: 'Already in use.' }] });
    expect(await count()).toBe(before);
  });

  it('validates each field and reports it by name', async () => {
    const response = await admin.post('/api/v1/users', {
      email: 'not-an-email',
      name: '',
      role: 'superuser',
      password: 'short',
      timeZone: 'Mars/Olympus',
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['email', 'name', 'password', 'role', 'timeZone']);
  });

  it('requires a customer for client accounts and refuses one for staff', async () => {
    const client = await admin.post('/api/v1/users', newUser('c@example.test', { role: 'client' }));
    expect(client.statusCode).toBe(422);
    expect(client.json().errors).toContainEqual({ field: 'customerId', message: 'A client account must belong to a customer.' });
    const { rows } = await t.database.executor.query('select id from customers limit 1');
    const staff = await admin.post('/api/v1/users', newUser('s@example.test', { customerId: rows[0].id }));
    expect(staff.statusCode).toBe(422);
    expect(staff.json().errors[0].field).toBe('customerId');
  });

  it('updates with If-Match and answers 412 to a stale version without changing anything', async () => {
    const created = (await admin.post('/api/v1/users', newUser('versioned@example.test'))).json();
    const first = await admin.patch(`/api/v1/users/${created.id}`, { name: 'First Edit' }, { headers: { 'if-match': '"1"' } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: 'First Edit', version: 2 });
    const stale = await admin.patch(`/api/v1/users/${created.id}`, { name: 'Lost Update' }, { headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('stale_version');
    const missing = await admin.patch(`/api/v1/users/${created.id}`, { name: 'No version' });
    expect(missing.statusCode).toBe(428);
    const now = (await admin.get(`/api/v1/users/${created.id}`)).json();
    expect(now).toMatchObject({ name: 'First Edit', version: 2 });
  });

  it('deactivation ends the user at once: sessions, API tokens, new sign-ins', async () => {
    const created = (await admin.post('/api/v1/users', newUser('leaver@example.test'))).json();
    const loggedIn = await login(t, 'leaver@example.test', 'correct horse battery');
    const cookie = `sb_session=${loggedIn.cookies.find((c) => c.name === 'sb_session')!.value}`;
    const csrf = loggedIn.json().csrfToken;
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { name: 'script' },
    });
    const secret = token.json().token;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(200);

    const deactivated = await admin.post(`/api/v1/users/${created.id}/deactivate`);
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json().active).toBe(false);

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(401);
    const again = await login(t, 'leaver@example.test', 'correct horse battery');
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('account_disabled');
    const wrong = await login(t, 'leaver@example.test', 'wrong password');
    expect(wrong.statusCode).toBe(401);
  });

  it('refuses to deactivate yourself or change your own role', async () => {
    const self = await admin.post(`/api/v1/users/${admin.me!.id}/deactivate`);
    expect(self.statusCode).toBe(422);
    const me = (await admin.get(`/api/v1/users/${admin.me!.id}`)).json();
    const role = await admin.patch(`/api/v1/users/${admin.me!.id}`, { role: 'agent' }, { headers: { 'if-match': `"${me.version}"` } });
    expect(role.statusCode).toBe(422);
    expect(role.json().errors[0].field).toBe('role');
  });

  it('answers 404 for an unknown user, and hides client accounts from staff directories', async () => {
    expect((await admin.get('/api/v1/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const manager = await t.loginAs('manager');
    const list = (await manager.get('/api/v1/users?limit=200')).json();
    expect(list.items.some((u: { role: string }) => u.role === 'client')).toBe(false);
    const { rows } = await t.database.executor.query(`select id from users where role = 'client' limit 1`);
    expect((await manager.get(`/api/v1/users/${rows[0].id}`)).statusCode).toBe(404);
    const adminList = (await admin.get('/api/v1/users?role=client')).json();
    expect(adminList.items.length).toBe(3);
  });

  it('pages the directory with a keyset cursor in a stable order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/users?limit=4${cursor ? `&cursor=${cursor}` : ''}`;
      const body: { items: { id: string; name: string }[]; nextCursor: string | null } = (await admin.get(url)).json();
      seen.push(...body.items.map((u) => u.id));
      cursor = body.nextCursor;
    } while (cursor);
    const all = (await admin.get('/api/v1/users?limit=200')).json().items.map((u: { id: string }) => u.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await admin.get('/api/v1/users?cursor=garbage')).json().errors[0].field).toBe('cursor');
  });
});
