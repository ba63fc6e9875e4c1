/**
 * The executor's promises: concurrent transactions never see each other's uncommitted work (PGlite has
 * one session, so its transactions must run one after another), a failing transaction leaves nothing,
 * and PGlite's worker thread keeps the HTTP event loop responsive during a heavy query.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/harness.ts';
import type { Database } from '../database.ts';
import type { SqlSession } from '../executor.ts';
import { PgliteExecutor } from '../pglite-executor.ts';
import { announcePgliteOnly, onPostgres, PGLITE_ONLY } from './processes.ts';

announcePgliteOnly('PGlite worker event-loop test');

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('concurrent transactions', () => {
  // One database for these its (a copy of the template costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let db: { database: Database; drop(): Promise<void> };
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.database.executor.exec('CREATE TABLE tx_probe (owner text NOT NULL, n int NOT NULL)');
  });
  afterAll(() => db.drop());

  it('never interleave: each sees its own rows and only whole committed ones of others; a failed one is rolled back', async () => {
    const executor = db.database.executor;
    const steps: string[] = [];
    const insertTwoThenRead = (owner: string) =>
      executor.transaction(async (tx: SqlSession) => {
        steps.push(`${owner}:begin`);
        await tx.query('INSERT INTO tx_probe (owner, n) VALUES ($1, 1)', [owner]);
        await tick(); // gives the other transactions every chance to run in between
        await tx.query('INSERT INTO tx_probe (owner, n) VALUES ($1, 2)', [owner]);
        await tick();
        const { rows } = await tx.query<{ owner: string; n: number }>('SELECT owner, n FROM tx_probe ORDER BY owner, n');
        steps.push(`${owner}:end`);
        return rows;
      });
    const failing = () =>
      executor.transaction(async (tx: SqlSession) => {
        steps.push('c:begin');
        await tx.query('INSERT INTO tx_probe (owner, n) VALUES ($1, 1)', ['c']);
        await tick();
        await tx.query('INSERT INTO tx_probe (owner, n) VALUES ($1, NULL)', ['c']); // violates NOT NULL
        steps.push('c:end');
      });

    const [a, b, c] = await Promise.allSettled([insertTwoThenRead('a'), insertTwoThenRead('b'), failing()]);

    expect(c.status).toBe('rejected');
    expect((c as PromiseRejectedResult).reason).toMatchObject({ code: '23502' });
    for (const [owner, result] of [['a', a], ['b', b]] as const) {
      expect(result.status).toBe('fulfilled');
      const rows = (result as PromiseFulfilledResult<{ owner: string; n: number }[]>).value;
      expect(rows.filter((r) => r.owner === owner).map((r) => r.n)).toEqual([1, 2]);
      // Another transaction's rows are visible only once it committed, so always as a complete pair.
      for (const other of ['a', 'b'].filter((o) => o !== owner)) {
        expect([0, 2]).toContain(rows.filter((r) => r.owner === other).length);
      }
      expect(rows.some((r) => r.owner === 'c')).toBe(false);
    }
    if (executor.kind === 'pglite') {
      // One session: each transaction ran from begin to end with nothing of the others in between.
      expect(steps).toEqual(['a:begin', 'a:end', 'b:begin', 'b:end', 'c:begin']);
    }
    const { rows } = await executor.query('SELECT owner, n FROM tx_probe ORDER BY owner, n');
    expect(rows).toEqual([
      { owner: 'a', n: 1 },
      { owner: 'a', n: 2 },
      { owner: 'b', n: 1 },
      { owner: 'b', n: 2 },
    ]);
  });
});

describe('PGlite worker thread', () => {
  it('keeps the event loop free while a heavy query runs', { timeout: 60_000 }, async (ctx) => {
    ctx.skip(onPostgres(), PGLITE_ONLY);
    const executor = await PgliteExecutor.open({ dataDir: 'memory://', initialMemory: 256 * 1024 * 1024 });
    try {
      await executor.query('SELECT 1');
      const lag = monitorEventLoopDelay({ resolution: 10 });
      lag.enable();
      const started = performance.now();
      const { rows } = await executor.query('SELECT sum(i)::bigint AS total FROM generate_series(1, 3000000) AS i');
      const duration = performance.now() - started;
      lag.disable();

      expect(rows).toEqual([{ total: '4500001500000' }]);
      expect(duration).toBeGreaterThan(300); // heavy enough that a blocked loop would show
      expect(lag.max / 1e6).toBeLessThan(duration / 10);
    } finally {
      await executor.close();
    }
  });
});
