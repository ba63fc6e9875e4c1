import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { waitFor } from '../../../../test/wait.ts';
import type { Db } from '../../db/database.ts';
import { type Catalogued, defineEvents, EventPayloadError } from '../catalogue.ts';
import type { EventHandler } from '../dispatcher.ts';
import { recordEvent as recordAnyEvent, recordEvents as recordAnyEvents } from '../outbox.ts';

/**
 * This file's own events, catalogued at run time like a module's. They are typed here only, not added
 * to EventRegistry: outside this file `test.happened` stays an unknown name that fails to compile.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- defining it catalogues the events at run time; the value is only read as a type
const testEvents = defineEvents({
  'test.happened': z.strictObject({ n: z.number() }),
  'test.flaky': z.strictObject({ n: z.number() }),
  'test.unheard': z.strictObject({ n: z.number() }),
  'test.batch': z.strictObject({ n: z.number().int(), label: z.string() }),
});
type TestEvents = Catalogued<typeof testEvents>;
type TestName = keyof TestEvents & string;
const recordEvent = recordAnyEvent as unknown as <N extends TestName>(tx: Db, event: N, payload: z.input<TestEvents[N]>) => Promise<void>;
const recordEvents = recordAnyEvents as unknown as <N extends TestName>(tx: Db, event: N, payloads: z.input<TestEvents[N]>[]) => Promise<void>;

describe('outbox dispatcher', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  const received: { handler: string; payload: any; meta: any }[] = [];
  let failuresLeft = 0;
  beforeAll(async () => {
    t = await createTestApp();
    const events = t.ctx.events as unknown as { subscribe<N extends TestName>(event: N, handlerName: string, handler: EventHandler<z.output<TestEvents[N]>>): void };
    events.subscribe('test.happened', 'test.first', async (payload, meta) => void received.push({ handler: 'first', payload, meta }));
    events.subscribe('test.happened', 'test.second', async (payload, meta) => void received.push({ handler: 'second', payload, meta }));
    events.subscribe('test.flaky', 'test.flaky', async (payload, meta) => {
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

  it('marks a bulk of unheard events in one go, beside the heard ones it delivers', async () => {
    await t.database.transaction(async (tx) => {
      await recordEvents(tx, 'test.unheard', Array.from({ length: 450 }, (_, i) => ({ n: 10_000 + i })));
      await recordEvent(tx, 'test.happened', { n: 10 });
    });
    const result = await t.ctx.events.dispatch();
    expect(result).toMatchObject({ events: 451, deliveries: 2 });
    expect(await query(`select id from outbox where dispatched_at is null`)).toEqual([]);
    await waitFor('the heard event', () => received.filter((r) => r.payload.n === 10).length === 2);
  });

  it('refuses an invalid payload: the transaction rolls back and nothing of it is written', async () => {
    const before = await query<{ n: number }>('select count(*)::int as n from outbox');
    const attempt = t.database.transaction(async (tx) => {
      await recordEvent(tx, 'test.happened', { n: 7 });
      await recordEvent(tx, 'test.happened', { n: 'seven' } as never);
    });
    await expect(attempt).rejects.toBeInstanceOf(EventPayloadError);
    await expect(attempt).rejects.toThrow(/test\.happened: invalid payload/);
    // An unknown field is refused too: a catalogue names every field its subscribers may read.
    await expect(t.database.transaction((tx) => recordEvent(tx, 'test.happened', { n: 8, extra: true } as never))).rejects.toThrow(/test\.happened: invalid payload/);
    expect(await query('select id from outbox where payload->>\'n\' in (\'7\', \'8\', \'seven\')')).toEqual([]);
    expect(await query<{ n: number }>('select count(*)::int as n from outbox')).toEqual(before);
  });

  it('refuses an event no catalogue declares, at record and at subscribe', async () => {
    await expect(t.database.transaction((tx) => recordAnyEvents(tx, 'test.undeclared' as never, [{ n: 9 }] as never))).rejects.toThrow('event test.undeclared: not in any event catalogue');
    await expect(t.database.transaction((tx) => recordAnyEvent(tx, 'test.undeclared' as never, { n: 9 } as never))).rejects.toThrow(EventPayloadError);
    expect(() => t.ctx.events.subscribe('test.undeclared' as never, 'test.undeclared', async () => undefined)).toThrow(/no catalogue declares/);
    expect(await query(`select id from outbox where event = 'test.undeclared'`)).toEqual([]);
  });

  it('records many events in ONE insert, in order; one invalid payload writes none of them', async () => {
    const statements: string[] = [];
    await t.database.transaction((tx) => {
      const counted = new Proxy(tx, {
        get: (target, key) => (key === 'execute' || key === 'insert' ? (...args: unknown[]) => (statements.push(String(key)), (target as any)[key](...args)) : (target as any)[key]),
      });
      return recordEvents(counted, 'test.batch', Array.from({ length: 250 }, (_, i) => ({ n: i, label: `row ${i}` })));
    });
    expect(statements).toEqual(['execute']);
    const rows = await query<{ id: number; payload: { n: number; label: string } }>(`select id, payload from outbox where event = 'test.batch' order by id`);
    expect(rows.map((r) => r.payload)).toEqual(Array.from({ length: 250 }, (_, i) => ({ n: i, label: `row ${i}` })));

    const bad = Array.from({ length: 10 }, (_, i) => ({ n: 1000 + i, label: 'later' }));
    bad[7] = { n: 1.5, label: 'not an integer' };
    await expect(t.database.transaction((tx) => recordEvents(tx, 'test.batch', bad))).rejects.toThrow(/test\.batch: invalid payload/);
    expect(await query(`select id from outbox where event = 'test.batch' and ((payload->>'n')::numeric >= 1000 or payload->>'n' = '1.5')`)).toEqual([]);
  });
});
