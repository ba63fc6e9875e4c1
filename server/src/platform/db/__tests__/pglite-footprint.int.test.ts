/**
 * Issue 10 items 11–12: the embedded engine's memory settings (a small buffer pool instead of PGlite's
 * 128 MiB, touched in full at start) and its checkpoints (single-user PostgreSQL has no checkpointer, so
 * without them a restart after a crash replays every WAL record written since the start).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/harness.ts';
import { EMBEDDED_SHARED_BUFFERS_MB, type SqlExecutor } from '../executor.ts';
import { announcePgliteOnly, onPostgres, PGLITE_ONLY } from './processes.ts';

announcePgliteOnly('PGlite memory settings and checkpoints');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const setting = async (executor: SqlExecutor, name: string) =>
  (await executor.query<{ setting: string }>(`select current_setting($1) as setting`, [name])).rows[0]!.setting;
const checkpointLsn = async (executor: SqlExecutor) =>
  (await executor.query<{ lsn: string }>('select checkpoint_lsn::text as lsn from pg_control_checkpoint()')).rows[0]!.lsn;

describe('the embedded engine', () => {
  let engine: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  afterEach(async () => {
    await engine?.drop();
    engine = undefined;
  });
  const open = async (options: Parameters<typeof createTestDatabase>[0]) => {
    engine = await createTestDatabase(options);
    return engine.database.executor;
  };

  it('starts with a small buffer pool and bounded maintenance memory unless told otherwise', async (ctx) => {
    ctx.skip(onPostgres(), PGLITE_ONLY);
    let executor = await open({});
    expect(await setting(executor, 'shared_buffers')).toBe(`${EMBEDDED_SHARED_BUFFERS_MB}MB`);
    expect(await setting(executor, 'maintenance_work_mem')).toBe('16MB');
    await engine!.drop();
    executor = await open({ sharedBuffersMb: 8 });
    expect(await setting(executor, 'shared_buffers')).toBe('8MB');
  });

  it('checkpoints by itself after writes, so a crash replays only the last interval', async (ctx) => {
    ctx.skip(onPostgres(), PGLITE_ONLY);
    const executor = await open({ checkpointEveryMs: 100 });
    const before = await checkpointLsn(executor);
    await executor.exec('create table footprint_probe (n int); insert into footprint_probe select generate_series(1, 1000)');
    let after = before;
    for (let i = 0; i < 50 && after === before; i++) {
      await sleep(50);
      after = await checkpointLsn(executor);
    }
    expect(after).not.toBe(before);
    // A transaction in progress is never cut by a checkpoint: it holds the engine from BEGIN to COMMIT.
    const rows = await executor.transaction(async (session) => {
      await session.query('insert into footprint_probe values (0)');
      await sleep(300);
      return (await session.query<{ n: number }>('select count(*)::int as n from footprint_probe')).rows[0]!.n;
    });
    expect(rows).toBe(1001);
  });
});
