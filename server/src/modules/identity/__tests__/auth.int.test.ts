import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../test/harness.ts';

describe('sign-in and sessions', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { realLogins: true });
  });
  afterAll(async () => t.stop());

  it('signs in with the demo password and answers /me with role, permissions and preferences', async () => {
    const response = await login(t, 'Admin@Demo.test');
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'sb_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `sb_session=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'admin@demo.test', role: 'admin', language: 'en', colorScheme: 'system' });
    expect(me.json().permissions).toContain('users.manage');
    expect(me.json().timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(me.json().csrfToken).toEqual(expect.any(String));
  });

  it('stores only a digest of the session token', async () => {
    const response = await login(t, 'agent1@demo.test');
    const token = response.cookies.find((c) => c.name === 'sb_session')!.value;
    const { rows } = await t.database.executor.query('select id from sessions where id = $1', [token]);
    expect(rows).toHaveLength(0);
  });

  it('answers a wrong password and an unknown e-mail the same way, as problem+json', async () => {
    const wrong = await login(t, 'sales1@demo.test', 'not-the-password');
    const unknown = await login(t, 'nobody@demo.test', 'not-the-password');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'invalid_credentials', status: 401 });
      expect(response.cookies).toHaveLength(0);
    }
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('refuses unknown fields, wrong types and malformed JSON with field errors', async () => {
    const extra = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.c', password: 'x', role: 'admin' } });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors).toContainEqual({ field: 'role', message: 'Unknown field.' });
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 42, password: 'x' } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].field).toBe('email');
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_json');
  });

  it('refuses an oversized body with 413', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('payload_too_large');
  });

  it('answers 401 without a session and after logout', async () => {
    expect((await t.anonymous().get('/api/v1/me')).statusCode).toBe(401);
    const agent = await t.loginAs('sales');
    expect((await agent.get('/api/v1/me')).statusCode).toBe(200);
    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const after = await agent.get('/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('treats an expired session as no session', async () => {
    const agent = await t.loginAs('marketing');
    await t.database.executor.query(`update sessions set expires_at = now() - interval '1 second' where user_id = $1`, [agent.me!.id]);
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const agent = await t.loginAs('manager');
    const without = await agent.patch('/api/v1/me', { location: 'Hà Nội' }, { headers: { 'x-csrf-token': 'forged' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    const { rows } = await t.database.executor.query('select location from users where id = $1', [agent.me!.id]);
    expect(rows[0].location).toBeNull();
    const withToken = await agent.patch('/api/v1/me', { location: 'Hà Nội' });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.json().location).toBe('Hà Nội');
  });

  it('refuses a write from a foreign Origin', async () => {
    const agent = await t.loginAs('manager');
    const response = await agent.patch('/api/v1/me', { location: 'x' }, { headers: { origin: 'https://evil.example' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('origin_refused');
  });
});
