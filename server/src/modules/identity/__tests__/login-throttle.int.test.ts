import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../test/harness.ts';

describe('login rate limiting (per account and per client address)', () => {
  // One app for these its (starting one costs seconds). The its rely on their order: the forged X-Forwarded-For test locks the test client's address, so the account-lock test runs first.
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ login: { maxFailuresPerAccount: 3, maxFailuresPerIp: 6, windowMs: 60_000 } });
  });
  afterAll(async () => t.stop());

  it('locks an account after repeated failures, even with the right password, and says when to retry', async () => {
    for (let i = 0; i < 3; i++) expect((await login(t, 'agent2@demo.test', 'wrong')).statusCode).toBe(401);
    const locked = await login(t, 'agent2@demo.test');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('too_many_attempts');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.cookies).toHaveLength(0);
  });

  it('does not let a forged X-Forwarded-For reset the per-address counter', async () => {
    // Different accounts, so only the per-address limit (6) can trip; each attempt claims another origin.
    const emails = ['sales1@demo.test', 'sales2@demo.test', 'agent3@demo.test'];
    let status = 0;
    for (let i = 0; i < 8; i++) {
      const response = await login(t, emails[i % 3], 'wrong', { 'x-forwarded-for': `203.0.113.${i}` });
      status = response.statusCode;
    }
    expect(status).toBe(429);
    // The right password for an untouched account is refused too: the address is locked.
    const fresh = await login(t, 'marketing@demo.test', 'switchboard', { 'x-forwarded-for': '198.51.100.7' });
    expect(fresh.statusCode).toBe(429);
  });
});

describe('login rate limiting behind a trusted proxy', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ trustProxy: true, login: { maxFailuresPerAccount: 50, maxFailuresPerIp: 2, windowMs: 60_000 } });
  });
  afterAll(async () => t.stop());

  it('counts per forwarded client address when TRUST_PROXY is set', async () => {
    for (let i = 0; i < 2; i++) await login(t, 'sales1@demo.test', 'wrong', { 'x-forwarded-for': '198.51.100.1' });
    expect((await login(t, 'sales1@demo.test', 'switchboard', { 'x-forwarded-for': '198.51.100.1' })).statusCode).toBe(429);
    expect((await login(t, 'sales1@demo.test', 'switchboard', { 'x-forwarded-for': '198.51.100.2' })).statusCode).toBe(200);
  });
});
