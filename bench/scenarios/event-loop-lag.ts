import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { PgliteExecutor } from '../../server/src/platform/db/pglite-executor.ts';
import { recordEngineVersion } from '../lib/engine.ts';
import { fmt, table } from '../lib/markdown.ts';
import type { Scenario } from '../lib/scenario.ts';

const INITIAL_MEMORY = 256 * 1024 * 1024;
const RESOLUTION_MS = 10;
const CALIBRATION_ROWS = 1_000_000;
const MIN_ROWS = 500_000;
const MAX_ROWS = 12_000_000;
/** A query that keeps the engine busy without touching any table: pure CPU inside PostgreSQL. */
const heavyQuery = (rows: number) => `select count(*) as n from generate_series(1, ${rows}) g where g % 7 = 3`;

interface Sample {
  durationMs: number;
  maxLagMs: number;
  p99LagMs: number;
  meanLagMs: number;
}

/** Runs fn while a 10 ms-resolution histogram watches this thread's event loop. */
async function watchLoop(fn: () => Promise<unknown>): Promise<Sample> {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  // The monitor records a delay only from its second tick on: let it tick before the loop can block.
  await sleep(RESOLUTION_MS * 3);
  const started = performance.now();
  let durationMs: number;
  try {
    await fn();
    durationMs = performance.now() - started;
    // A loop that was blocked records its delay only when the monitor's timer finally fires: let it.
    await sleep(RESOLUTION_MS * 3);
  } finally {
    histogram.disable();
  }
  return {
    durationMs,
    maxLagMs: histogram.max / 1e6,
    p99LagMs: histogram.percentile(99) / 1e6,
    meanLagMs: histogram.mean / 1e6,
  };
}

async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function summarise(label: string, samples: Sample[]) {
  return {
    label,
    runs: samples.length,
    durationMs: median(samples.map((s) => s.durationMs)),
    maxLagMs: Math.max(...samples.map((s) => s.maxLagMs)),
    p99LagMs: median(samples.map((s) => s.p99LagMs)),
    meanLagMs: median(samples.map((s) => s.meanLagMs)),
  };
}

export const eventLoopLag: Scenario = {
  name: 'event-loop-lag',
  async run(context) {
    const runs = context.quick ? 1 : 3;
    const targetMs = context.quick ? 500 : 1000;

    context.log('event-loop-lag: PGlite in a worker thread (PgliteExecutor)');
    const executor = await PgliteExecutor.open({ dataDir: 'memory://', initialMemory: INITIAL_MEMORY });
    let rows: number;
    const worker: Sample[] = [];
    let version: string;
    try {
      version = (await executor.query<{ v: string }>('select version() as v')).rows[0].v;
      recordEngineVersion('pglite', version);
      // Size the query to this machine: about targetMs on PGlite, within fixed bounds.
      const calibration = await watchLoop(() => withDeadline(executor.query(heavyQuery(CALIBRATION_ROWS)), 60_000, 'calibration'));
      const scaled = Math.round((CALIBRATION_ROWS * targetMs) / calibration.durationMs / 100_000) * 100_000;
      rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, scaled));
      context.log(`  ${fmt.int(CALIBRATION_ROWS)} rows took ${fmt.ms(calibration.durationMs)} ms → ${fmt.int(rows)} rows`);
      for (let i = 0; i < runs; i++) {
        worker.push(await watchLoop(() => withDeadline(executor.query(heavyQuery(rows)), 60_000, 'worker query')));
      }
    } finally {
      await executor.close();
    }

    // The noise floor: the same monitor over an idle loop, for as long as the worker query took.
    const idleFor = median(worker.map((s) => s.durationMs));
    const idle: Sample[] = [];
    for (let i = 0; i < runs; i++) idle.push(await watchLoop(() => sleep(idleFor)));

    context.log('event-loop-lag: PGlite in the main thread (PGlite.create)');
    const inThread: Sample[] = [];
    const db = await PGlite.create('memory://', { initialMemory: INITIAL_MEMORY });
    try {
      // Same warm-up as the worker got from calibration (WebAssembly tiers up while it runs), unmeasured.
      await db.query(heavyQuery(CALIBRATION_ROWS));
      // No deadline here on purpose: a query in this thread cannot be interrupted; its size bounds it.
      for (let i = 0; i < runs; i++) inThread.push(await watchLoop(() => db.query(heavyQuery(rows))));
    } finally {
      await db.close();
    }

    const results = [summarise('idle loop (no query)', idle), summarise('PGlite in a worker thread', worker), summarise('PGlite in the main thread', inThread)];
    const [idleRow, w, t] = results;
    const body = [
      `\`${heavyQuery(rows)}\` (sized so it takes about ${targetMs} ms here) while \`perf_hooks.monitorEventLoopDelay\` ` +
        `(resolution ${RESOLUTION_MS} ms) watches the main thread's event loop — the loop that serves every HTTP request and ` +
        `socket. ${runs} run(s) each; duration, p99 and mean are medians over the runs, max is the worst. The histogram records ` +
        `each timer's delay including its ${RESOLUTION_MS} ms interval, so an idle loop shows about ${RESOLUTION_MS} ms. ${version.match(/PGlite [\d.]+/)?.[0] ?? 'PGlite'} ` +
        `in memory in both cases.`,
      table(
        ['Where the query runs', 'runs', 'query ms', 'loop delay max ms', 'p99 ms', 'mean ms'],
        results.map((r) => [r.label, r.runs, r === idleRow ? '—' : fmt.ms(r.durationMs), fmt.ms(r.maxLagMs), fmt.ms(r.p99LagMs), fmt.ms(r.meanLagMs)]),
        ['left', 'right', 'right', 'right', 'right', 'right'],
      ),
      `**Reading.** With PGlite in its worker, a ${fmt.ms(w.durationMs)} ms query left the main loop's worst delay at ` +
        `${fmt.ms(w.maxLagMs)} ms (idle: ${fmt.ms(idleRow.maxLagMs)} ms): requests that do not need the database keep being ` +
        `served while it works, and those that do simply queue behind it. The same query on a PGlite created in the main thread ` +
        `stalled the loop for up to ${fmt.ms(t.maxLagMs)} ms (query ${fmt.ms(t.durationMs)} ms) — WebAssembly runs synchronously, ` +
        `so for that whole time no request, health check, Socket.IO heartbeat or timer runs. That is why embedded mode keeps ` +
        `PGlite in a worker thread.`,
    ].join('\n\n');
    return { title: 'Event-loop lag: PGlite in a worker vs in the main thread', body };
  },
};
