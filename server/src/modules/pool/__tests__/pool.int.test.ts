import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { waitFor } from '../../../../test/wait.ts';
import { recycleInactive } from '../index.ts';

describe('customer pool (CUS-7)', () => {
  // One app for these its (starting one costs seconds). The its rely on their order: the rule test reads the defaults, which the recycle test then changes for the rest of the file.
  let t: TestApp;
  let admin: Agent;
  let manager: Agent;
  let sales1: Agent;
  let sales2: Agent;
  let n = 0;

  /** A customer owned by `owner`, last contacted `daysAgo` days ago (created even earlier). */
  async function customer(owner: Agent, daysAgo = 0) {
    const created = await admin.post('/api/v1/customers', { fullName: `Pool Test ${++n} ${Date.now()}`, ownerId: owner.me!.id });
    expect(created.statusCode).toBe(201);
    const { id, number } = created.json();
    if (daysAgo) {
      await t.database.executor.query(
        `update customers set last_contact_at = now() - make_interval(days => $2::int), created_at = now() - make_interval(days => $2::int + 1) where id = $1`,
        [id, daysAgo],
      );
    }
    return { id: id as string, number: number as string };
  }
  const ownerOf = async (id: string) => (await t.database.executor.query<{ owner_id: string | null }>('select owner_id from customers where id = $1', [id])).rows[0].owner_id;
  const setRule = (rule: Record<string, number>) => admin.patch('/api/v1/pool/settings', rule);

  beforeAll(async () => {
    t = await createTestApp();
    [admin, manager, sales1, sales2] = await Promise.all(['admin', 'manager', 'sales1@demo.test', 'sales2@demo.test'].map((w) => t.loginAs(w)));
  });
  afterAll(async () => t.stop());

  it('lists pool.recycle as a daily job an admin can run now', async () => {
    const jobs = (await admin.get('/api/v1/admin/jobs')).json().items;
    expect(jobs.find((j: { name: string }) => j.name === 'pool.recycle')).toMatchObject({ schedule: '15 1 * * *', runnable: true });
  });

  it('shows the rule with its defaults and lets only admins change it', async () => {
    expect((await sales1.get('/api/v1/pool/settings')).json()).toEqual({ inactiveDays: 30, holdingLimit: 1000, cooldownDays: 7 });
    expect((await manager.patch('/api/v1/pool/settings', { inactiveDays: 5 })).statusCode).toBe(403);
    const bad = await setRule({ inactiveDays: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain('inactiveDays');
  });

  it('recycles customers without follow-up for N days: owner cleared, pool entry, history, notification; a rerun moves nothing', async () => {
    // Far beyond every demo customer, so the run only touches the customers of this test.
    expect((await setRule({ inactiveDays: 3000 })).statusCode).toBe(200);
    const stale = await customer(sales1, 3100);
    const fresh = await customer(sales1, 10);
    const run = await admin.post('/api/v1/admin/jobs/pool.recycle/run');
    expect(run.statusCode).toBe(202);
    await waitFor('the recycle run to move the stale customer', async () => (await ownerOf(stale.id)) === null);
    expect(await ownerOf(fresh.id)).toBe(sales1.me!.id);

    const again = await recycleInactive(t.ctx);
    expect(again.recycled).toBe(0);
    const entries = await t.database.executor.query('select reason, status, original_owner_id from pool_entries where customer_id = $1', [stale.id]);
    expect(entries.rows).toEqual([{ reason: 'inactive_days', status: 'available', original_owner_id: sales1.me!.id }]);
    const history = (await admin.get(`/api/v1/history/customer/${stale.id}`)).json().items;
    expect(history.filter((h: { action: string }) => h.action === 'pool.recycled')).toHaveLength(1);
    const notes = await waitFor('the previous owner to be notified', async () =>
      (await sales1.get('/api/v1/notifications')).json().items.find((x: { kind: string; body: string }) => x.kind === 'pool.recycled' && x.body.includes(stale.number)),
    );
    expect(notes.link).toBe('/customers/pool');
    const listed = (await sales2.get('/api/v1/pool', { query: { q: stale.number } })).json().items;
    expect(listed.map((i: { customer: { id: string } }) => i.customer.id)).toEqual([stale.id]);
  });

  it('recycles by hand with a reason, only by the owner or a manager', async () => {
    const c = await customer(sales1);
    const noReason = await sales1.post(`/api/v1/pool/customers/${c.id}/recycle`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors.map((e: { field: string }) => e.field)).toContain('reason');
    const notOwner = await sales2.post(`/api/v1/pool/customers/${c.id}/recycle`, { reason: 'Not mine, but…' });
    expect(notOwner.statusCode).toBe(403);
    expect(notOwner.json().code).toBe('not_owner');
    expect(await ownerOf(c.id)).toBe(sales1.me!.id);
    const ok = await sales1.post(`/api/v1/pool/customers/${c.number}/recycle`, { reason: 'Customer moved abroad' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ customerId: c.id, ownerId: null });
    const twice = await manager.post(`/api/v1/pool/customers/${c.id}/recycle`, { reason: 'again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_in_pool');
  });

  it('refuses a claim back by the previous owner during the cool-down, and allows it after', async () => {
    await setRule({ cooldownDays: 7 });
    const c = await customer(sales1);
    await sales1.post(`/api/v1/pool/customers/${c.id}/recycle`, { reason: 'Hand it to someone else' });
    const refused = await sales1.post(`/api/v1/pool/customers/${c.id}/claim`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'pool_cooldown', errors: [{ field: 'customerId' }] });
    expect(refused.json().availableAt).toEqual(expect.any(String));
    expect(await ownerOf(c.id)).toBeNull();
    await setRule({ cooldownDays: 0 });
    expect((await sales1.post(`/api/v1/pool/customers/${c.id}/claim`)).statusCode).toBe(200);
    expect(await ownerOf(c.id)).toBe(sales1.me!.id);
    await setRule({ cooldownDays: 7 });
  });

  it('refuses a claim over the holding limit and leaves the customer in the pool', async () => {
    const c = await customer(manager);
    await manager.post(`/api/v1/pool/customers/${c.id}/recycle`, { reason: 'Too many accounts' });
    const held = (await t.database.executor.query<{ n: number }>(`select count(*)::int as n from customers where owner_id = $1 and status <> 'INACTIVE'`, [sales2.me!.id])).rows[0].n;
    await setRule({ holdingLimit: held });
    const refused = await sales2.post(`/api/v1/pool/customers/${c.id}/claim`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'holding_limit_reached', errors: [{ field: 'holdingLimit' }] });
    expect(await ownerOf(c.id)).toBeNull();
    await setRule({ holdingLimit: held + 1 });
    expect((await sales2.post(`/api/v1/pool/customers/${c.id}/claim`)).statusCode).toBe(200);
    expect(await ownerOf(c.id)).toBe(sales2.me!.id);
    await setRule({ holdingLimit: 1000 });
  });

  it('lets exactly one of several simultaneous claims win', async () => {
    for (let round = 0; round < 3; round++) {
      const c = await customer(admin);
      await admin.post(`/api/v1/pool/customers/${c.id}/recycle`, { reason: 'Race test' });
      const responses = await Promise.all([sales1, sales2, manager].map((a) => a.post(`/api/v1/pool/customers/${c.id}/claim`)));
      const codes = responses.map((r) => r.statusCode).sort();
      expect(codes).toEqual([200, 409, 409]);
      const winner = [sales1, sales2, manager][responses.findIndex((r) => r.statusCode === 200)];
      expect(responses.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'not_in_pool')).toBe(true);
      expect(await ownerOf(c.id)).toBe(winner.me!.id);
      const { rows } = await t.database.executor.query('select status, taken_by from pool_entries where customer_id = $1', [c.id]);
      expect(rows).toEqual([{ status: 'claimed', taken_by: winner.me!.id }]);
    }
  });

  it('answers a claim with the owner its own transaction set, even when another write lands before the answer', async () => {
    const c = await customer(admin);
    expect((await admin.post(`/api/v1/pool/customers/${c.id}/recycle`, { reason: 'Answer test' })).statusCode).toBe(200);
    // Right after the claim commits (afterCommit runs before the route answers), another writer takes the owner away.
    const afterCommit = t.ctx.afterCommit;
    let later: Promise<unknown> | undefined;
    t.ctx.afterCommit = () => {
      later ??= t.database.executor.query('update customers set owner_id = null where id = $1', [c.id]);
      afterCommit();
    };
    try {
      // Without an Idempotency-Key: with one, the answer is built inside the claim's own transaction, so no write can land in between.
      const claimed = await sales1.post(`/api/v1/pool/customers/${c.id}/claim`, {}, { withoutIdempotencyKey: true });
      expect(claimed.statusCode).toBe(200);
      expect(claimed.json()).toEqual({ customerId: c.id, ownerId: sales1.me!.id });
    } finally {
      t.ctx.afterCommit = afterCommit;
    }
    await later;
    expect(await ownerOf(c.id)).toBeNull();
  });

  it('lets managers assign from the pool (not sales), to someone who can hold customers, and keeps the pool history', async () => {
    const c = await customer(sales1);
    await sales1.post(`/api/v1/pool/customers/${c.id}/recycle`, { reason: 'Needs a senior rep' });
    expect((await sales2.post(`/api/v1/pool/customers/${c.id}/assign`, { ownerId: sales2.me!.id })).statusCode).toBe(403);
    const agent = await t.loginAs('agent');
    const toAgent = await manager.post(`/api/v1/pool/customers/${c.id}/assign`, { ownerId: agent.me!.id });
    expect(toAgent.statusCode).toBe(422);
    expect(toAgent.json().errors[0].field).toBe('ownerId');
    const ok = await manager.post(`/api/v1/pool/customers/${c.id}/assign`, { ownerId: sales2.me!.id });
    expect(ok.json()).toEqual({ customerId: c.id, ownerId: sales2.me!.id });
    const late = await sales1.post(`/api/v1/pool/customers/${c.id}/claim`);
    expect(late.statusCode).toBe(409);
    const history = (await sales1.get(`/api/v1/pool/customers/${c.number}/history`)).json();
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ reason: 'manual', note: 'Needs a senior rep', status: 'assigned', takenBy: { id: sales2.me!.id }, decidedBy: { id: manager.me!.id } });
  });

  it('treats a pool customer given an owner outside the pool as gone, and lets it enter again later', async () => {
    const c = await customer(sales1);
    await sales1.post(`/api/v1/pool/customers/${c.id}/recycle`, { reason: 'Stale entry test' });
    expect((await manager.post(`/api/v1/customers/${c.id}/assign`, { ownerId: sales2.me!.id })).statusCode).toBe(200);
    expect((await sales1.get('/api/v1/pool', { query: { q: c.number } })).json().items).toEqual([]);
    const claim = await manager.post(`/api/v1/pool/customers/${c.id}/claim`);
    expect(claim.statusCode).toBe(409);
    expect(claim.json().code).toBe('not_in_pool');
    expect(await ownerOf(c.id)).toBe(sales2.me!.id);
    expect((await sales2.post(`/api/v1/pool/customers/${c.id}/recycle`, { reason: 'Back to the pool' })).statusCode).toBe(200);
    const { rows } = await t.database.executor.query('select status, taken_by from pool_entries where customer_id = $1 order by created_at', [c.id]);
    expect(rows).toEqual([{ status: 'assigned', taken_by: sales2.me!.id }, { status: 'available', taken_by: null }]);
  });

  it('pages the pool with a keyset cursor, newest first, without repeats', async () => {
    const first = (await sales1.get('/api/v1/pool', { query: { limit: '3' } })).json();
    expect(first.items).toHaveLength(3);
    const second = (await sales1.get('/api/v1/pool', { query: { limit: '3', cursor: first.nextCursor } })).json();
    const ids = [...first.items, ...second.items].map((i: { entryId: string }) => i.entryId);
    expect(new Set(ids).size).toBe(ids.length);
    const times = [...first.items, ...second.items].map((i: { enteredAt: string }) => i.enteredAt);
    expect([...times].sort().reverse()).toEqual(times);
    const manual = (await sales1.get('/api/v1/pool', { query: { reason: 'manual' } })).json().items;
    expect(manual.length).toBeGreaterThan(0);
    expect(manual.every((i: { reason: string }) => i.reason === 'manual')).toBe(true);
    expect((await sales1.get('/api/v1/pool', { query: { cursor: 'garbage' } })).json().errors[0].field).toBe('cursor');
  });
});
