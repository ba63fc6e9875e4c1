import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../test/harness.ts';

describe('my profile and API tokens', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { realLogins: true });
  });
  afterAll(async () => t.stop());

  it('saves language, time zone and color scheme, and refuses fields that are not mine to set', async () => {
    const agent = await t.loginAs('agent3@demo.test');
    const saved = await agent.patch('/api/v1/me', { language: 'vi', timeZone: 'Asia/Ho_Chi_Minh', colorScheme: 'dark' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ language: 'vi', timeZone: 'Asia/Ho_Chi_Minh', colorScheme: 'dark' });
    expect((await agent.get('/api/v1/me')).json()).toMatchObject({ language: 'vi', colorScheme: 'dark' });

    const escalate = await agent.patch('/api/v1/me', { role: 'admin' });
    expect(escalate.statusCode).toBe(400);
    expect(escalate.json().errors).toContainEqual({ field: 'role', message: 'Unknown field.' });
    const badValues = await agent.patch('/api/v1/me', { language: 'fr', timeZone: 'Nowhere/City', colorScheme: 'sepia' });
    expect(badValues.statusCode).toBe(400);
    expect(badValues.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['colorScheme', 'language', 'timeZone']);
    expect((await agent.get('/api/v1/me')).json().role).toBe('agent');
  });

  it('changes the password only with the current one, and ends the other sessions', async () => {
    const first = await t.loginAs('agent2@demo.test');
    const second = await t.loginAs('agent2@demo.test');
    const wrong = await first.post('/api/v1/me/password', { currentPassword: 'nope', newPassword: 'a much better password' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const short = await first.post('/api/v1/me/password', { currentPassword: 'switchboard', newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    const ok = await first.post('/api/v1/me/password', { currentPassword: 'switchboard', newPassword: 'a much better password' });
    expect(ok.statusCode).toBe(204);
    expect((await first.get('/api/v1/me')).statusCode).toBe(200);
    expect((await second.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login(t, 'agent2@demo.test', 'switchboard')).statusCode).toBe(401);
    expect((await login(t, 'agent2@demo.test', 'a much better password')).statusCode).toBe(200);
  });

  it('issues an API token once, stores only its hash, authenticates scripts without CSRF, and revokes it', async () => {
    const agent = await t.loginAs('sales');
    const created = await agent.post('/api/v1/me/tokens', { name: 'nightly export', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { id, token, prefix } = created.json();
    expect(token.startsWith('sbt_')).toBe(true);
    expect(token.startsWith(prefix)).toBe(true);
    const stored = await t.database.executor.query('select token_hash from api_tokens where id = $1', [id]);
    expect(stored.rows[0].token_hash).not.toContain(token);
    const listed = (await agent.get('/api/v1/me/tokens')).json().items;
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const write = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer, payload: { location: 'Script land' } });
    expect(write.statusCode).toBe(200);

    expect((await agent.delete(`/api/v1/me/tokens/${id}`)).statusCode).toBe(204);
    const revoked = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    expect((await agent.delete(`/api/v1/me/tokens/${id}`)).statusCode).toBe(404);
  });

  it("cannot revoke someone else's token (404, token still works)", async () => {
    const owner = await t.loginAs('marketing');
    const other = await t.loginAs('auditor');
    const { id, token } = (await owner.post('/api/v1/me/tokens', { name: 'mine' })).json();
    expect((await other.delete(`/api/v1/me/tokens/${id}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
  });

  it('refuses a malformed or unknown bearer token with 401', async () => {
    for (const value of ['Bearer nonsense', 'Bearer sbt_doesnotexist']) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: value } });
      expect(response.statusCode).toBe(401);
    }
  });
});
