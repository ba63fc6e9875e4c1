import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, FIELDS, query, unique } from '../../../../test/factories/index.ts';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { multipart } from '../../../../test/multipart.ts';

describe('Idempotency-Key on creates (issue 10, item 8)', () => {
  // One app for these its (starting one costs seconds): each it uses keys and records of its own.
  let t: TestApp;
  let sales: Agent;
  let agent: Agent;
  let admin: Agent;
  const withKey = (key: string) => ({ headers: { 'idempotency-key': key } });
  const customersNamed = async (name: string) => (await query<{ n: number }>(t, 'select count(*)::int as n from customers where name = $1', [name]))[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    sales = await t.loginAs('sales1@demo.test');
    agent = await t.loginAs('agent');
    admin = await t.loginAs('admin');
  });
  afterAll(async () => t.stop());

  it('replays the first response (status, body, headers) for the same key and body, and creates one record', async () => {
    const key = randomUUID();
    const body = { fullName: unique('Idem Once ') };
    const first = await sales.post('/api/v1/customers', body, withKey(key));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await sales.post('/api/v1/customers', body, withKey(key));
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(first.body);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await customersNamed(body.fullName)).toBe(1);
  });

  it('answers 422 naming the header when the key comes back with another body, and writes nothing', async () => {
    const key = randomUUID();
    const first = await sales.post('/api/v1/customers', { fullName: unique('Idem First ') }, withKey(key));
    expect(first.statusCode).toBe(201);
    const otherName = unique('Idem Other ');
    const other = await sales.post('/api/v1/customers', { fullName: otherName }, withKey(key));
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.json()).toMatchObject({ code: 'idempotency_key_reused', errors: [{ field: 'Idempotency-Key' }] });
    expect(await customersNamed(otherName)).toBe(0);
    // Another URL with the same key is another request too.
    const elsewhere = await agent.post('/api/v1/tickets', { title: 'T', description: 'D', type: 'hr', typeFields: FIELDS.hr, customerId: first.json().id }, withKey(key));
    expect(elsewhere.statusCode).toBe(201); // a key belongs to its caller: the agent never used it
  });

  it('runs two concurrent requests with one key once: both get the same 201, one record exists', async () => {
    const key = randomUUID();
    const body = { fullName: unique('Idem Race ') };
    const [a, b] = await Promise.all([sales.post('/api/v1/customers', body, withKey(key)), sales.post('/api/v1/customers', body, withKey(key))]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.body).toBe(b.body);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].filter(Boolean)).toEqual(['true']);
    expect(await customersNamed(body.fullName)).toBe(1);
  });

  it('keeps keys per caller: the same key from another user creates that user’s own record', async () => {
    const key = randomUUID();
    const mine = await sales.post('/api/v1/customers', { fullName: unique('Idem Mine ') }, withKey(key));
    const theirs = await admin.post('/api/v1/customers', { fullName: unique('Idem Theirs ') }, withKey(key));
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    expect(theirs.json().id).not.toBe(mine.json().id);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses a malformed key with 400 naming the header, before anything is written', async () => {
    const name = unique('Idem Bad Key ');
    for (const key of ['', 'x'.repeat(256), 'with space', 'ключ']) {
      const response = await sales.request('POST', '/api/v1/customers', { fullName: name }, { headers: { 'idempotency-key': key } });
      expect(response.statusCode, JSON.stringify(key)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'idempotency_key_invalid', errors: [{ field: 'Idempotency-Key' }] });
    }
    expect(await customersNamed(name)).toBe(0);
  });

  it('does not keep a refused request: after a 4xx error the same key runs the corrected request', async () => {
    const key = randomUUID();
    const refused = await sales.post('/api/v1/customers', { fullName: unique('Idem Refused '), email: 'not-an-email' }, withKey(key));
    expect(refused.statusCode).toBe(400);
    const name = unique('Idem Corrected ');
    const corrected = await sales.post('/api/v1/customers', { fullName: name }, withKey(key));
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
    expect(await customersNamed(name)).toBe(1);
  });

  it('forgets a key after 24 hours: then it runs again, and the hourly prune deletes old keys', async () => {
    const key = randomUUID();
    const body = { fullName: unique('Idem Expired ') };
    expect((await sales.post('/api/v1/customers', body, withKey(key))).statusCode).toBe(201);
    await query(t, `update idempotency_keys set created_at = now() - interval '25 hours' where key = $1`, [key]);
    const later = await sales.post('/api/v1/customers', body, withKey(key));
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(await customersNamed(body.fullName)).toBe(2);

    await query(t, `update idempotency_keys set created_at = now() - interval '25 hours' where key = $1`, [key]);
    const run = await admin.post('/api/v1/admin/jobs/idempotency.prune/run');
    expect(run.statusCode, run.body).toBeLessThan(300);
    await expect.poll(async () => (await query(t, 'select 1 from idempotency_keys where key = $1', [key])).length, { timeout: 20_000 }).toBe(0);
  });

  it('makes a nested use-case transaction part of the request: a customer with history and outbox event, once', async () => {
    const key = randomUUID();
    const created = await aCustomer(sales, { fullName: unique('Idem Nested ') });
    const body = { type: 'CALL', subject: unique('Idem call '), customerId: created.id, startAt: new Date().toISOString(), status: 'COMPLETED' };
    const first = await sales.post('/api/v1/activities', body, withKey(key));
    const again = await sales.post('/api/v1/activities', body, withKey(key));
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    const activities = await query<{ id: string }>(t, 'select id from activities where subject = $1', [body.subject]);
    expect(activities.map((a) => a.id)).toEqual([first.json().id]);
    const history = await query(t, `select 1 from history where entity_type = 'activity' and entity_id = $1`, [first.json().id]);
    expect(history).toHaveLength(1);
    const events = await query(t, `select 1 from outbox where event = 'activity.created' and payload->>'activityId' = $1`, [first.json().id]);
    expect(events).toHaveLength(1);
  });

  it('replays an upload (multipart) too, matched on the URL', async () => {
    const key = randomUUID();
    const upload = () => {
      const { body, headers } = multipart([{ filename: 'note.txt', contentType: 'text/plain', data: 'hello' }]);
      return sales.request('POST', '/api/v1/files', body, { headers: { ...headers, 'idempotency-key': key } });
    };
    const first = await upload();
    expect(first.statusCode, first.body).toBe(201);
    const again = await upload();
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const [{ n }] = await query<{ n: number }>(t, 'select count(*)::int as n from files where id = $1', [first.json().id]);
    expect(n).toBe(1);
  });
});
