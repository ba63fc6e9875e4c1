import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { waitFor } from '../../../../test/wait.ts';
import { recordEvent } from '../outbox.ts';

describe('outbox dispatcher', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  const received: { handler: string; payload: any; meta: any }[] = [];
  let failuresLeft = 0;
  beforeAll(async () => {
    t = await createTestApp();
    t.ctx.events.subscribe('test.happened', 'test.first', async (payload, meta) => void received.push({ handler: 'first', payload, meta }));
    t.ctx.events.subscribe('test.happened', 'test.second', async (payload, meta) => void received.push({ handler: 'second', payload, meta }));
    t.ctx.events.subscribe('test.flaky', 'test.flaky', async (payload, meta) => {
      if (failuresLeft-- > 0) throw new Error('receiver unavailable');
      received.push({ handler: 'flaky', payload, meta });
    });
  });
  afterAll(async () => t.stop());

  const query = <R = any>(sql: string, params: unknown[] = []) => t.database.executor.query<R>(sql, params).then((r) => r.rows);

  it('delivers a committed event to each subscriber once, right after commit', async () => {
    await t.database.transaction((tx) => recordEvent(tx, 'test.happened', { n: 1 }));
    t.ctx.afterCommit();
    await waitFor('both subscribers', () => received.filter((r) => r.payload.n === 1).length === 2);
    const deliveries = received.filter((r) => r.payload.n === 1);
    expect(deliveries.map((d) => d.handler).sort()).toEqual(['first', 'second']);
    expect(deliveries[0].meta).toMatchObject({ event: 'test.happened', outboxId: expect.any(Number), createdAt: expect.any(String) });
    const [row] = await query(`select dispatched_at from outbox where event = 'test.happened' and payload->>'n' = '1'`);
    expect(row.dispatched_at).not.toBeNull();
  });

  it('records nothing and delivers nothing for a rolled-back transaction', async () => {
    await expect(
      t.database.transaction(async (tx) => {
        await recordEvent(tx, 'test.happened', { n: 2 });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    t.ctx.afterCommit();
    expect(await query(`select id from outbox where payload->>'n' = '2'`)).toHaveLength(0);
    // A later event overtakes nothing: once it arrives, the refused one provably never will.
    await t.database.transaction((tx) => recordEvent(tx, 'test.happened', { n: 3 }));
    t.ctx.afterCommit();
    await waitFor('the later event', () => received.filter((r) => r.payload.n === 3).length === 2);
    expect(received.filter((r) => r.payload.n === 2)).toHaveLength(0);
  });

  it('enqueues one job per (event, subscriber) keyed by row and handler, so redelivery is a no-op', async () => {
    await t.database.transaction((tx) => recordEvent(tx, 'test.happened', { n: 4 }));
    await t.ctx.events.dispatch();
    const [{ id }] = await query<{ id: number }>(`select id from outbox where payload->>'n' = '4'`);
    const keys = async () =>
      (await query<{ singleton_key: string }>(`select singleton_key from pgboss.job where name = 'events.deliver' and singleton_key like $1 order by 1`, [`${id}:%`])).map(
        (r) => r.singleton_key,
      );
    expect(await keys()).toEqual([`${id}:test.first`, `${id}:test.second`]);
    // As if the dispatcher crashed after enqueuing: the row is handed out again.
    await query('update outbox set dispatched_at = null where id = $1', [id]);
    await t.ctx.events.dispatch();
    expect(await keys()).toEqual([`${id}:test.first`, `${id}:test.second`]);
    await waitFor('delivery', () => received.filter((r) => r.payload.n === 4).length === 2);
    expect(received.filter((r) => r.payload.n === 4)).toHaveLength(2);
  });

  it('retries a failed delivery through pg-boss, with the error kept', async () => {
    failuresLeft = 1;
    await t.database.transaction((tx) => recordEvent(tx, 'test.flaky', { n: 5 }));
    t.ctx.afterCommit();
    const job = await waitFor('the first attempt to fail', async () => {
      const [row] = await query(`select id, state::text as state, retry_count, output, start_after from pgboss.job where name = 'events.deliver' and data->'payload'->>'n' = '5'`);
      return row?.state === 'retry' ? row : null;
    });
    expect(job.output.message).toBe('receiver unavailable');
    expect(new Date(job.start_after).getTime()).toBeGreaterThan(Date.now());
    // Skip the back-off wait rather than sleeping through it.
    await query(`update pgboss.job set start_after = now() where name = 'events.deliver' and id = $1`, [job.id]);
    t.ctx.jobs.wake('events.deliver');
    await waitFor('the retry to succeed', () => received.some((r) => r.handler === 'flaky' && r.payload.n === 5));
    const done = await waitFor('completion', async () => {
      const [row] = await query(`select state::text as state, retry_count from pgboss.job where name = 'events.deliver' and id = $1`, [job.id]);
      return row.state === 'completed' ? row : null;
    });
    expect(done.retry_count).toBe(1);
  });

  it('dispatches events nobody subscribes to without jobs, and marks them', async () => {
    await t.database.transaction((tx) => recordEvent(tx, 'test.unheard', { n: 6 }));
    await t.ctx.events.dispatch();
    const [row] = await query(`select id, dispatched_at from outbox where event = 'test.unheard'`);
    expect(row.dispatched_at).not.toBeNull();
    expect(await query(`select id from pgboss.job where singleton_key like $1`, [`${row.id}:%`])).toHaveLength(0);
  });
});
