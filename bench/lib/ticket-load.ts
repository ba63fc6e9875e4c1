import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import pg from 'pg';
import type { QueryOptions, SqlExecutor } from '../../server/src/platform/db/executor.ts';
import type { SignedIn } from './app-server.ts';
import type { Engine } from './engine.ts';
import { assertLoopback, expectOk, type LoadResult, mergeLoads, runLoad } from './load.ts';

export interface CapturedStatement {
  sql: string;
  params: unknown[];
  options?: QueryOptions;
}

/**
 * Every statement the executor runs while `fn` runs, in order. pg-boss polls through the same
 * executor; its statements (schema pgboss) are not the request's and are left out.
 */
export async function captureStatements(engine: Engine, fn: () => Promise<unknown>): Promise<CapturedStatement[]> {
  const executor = engine.database.executor as SqlExecutor & { query: SqlExecutor['query'] };
  const own = Object.prototype.hasOwnProperty.call(executor, 'query');
  const original = executor.query;
  const captured: CapturedStatement[] = [];
  executor.query = function (this: SqlExecutor, sql: string, params?: unknown[], options?: QueryOptions) {
    if (!/\bpgboss\./.test(sql)) captured.push({ sql, params: params ?? [], options });
    return original.call(this, sql, params, options);
  } as SqlExecutor['query'];
  try {
    await fn();
  } finally {
    if (own) executor.query = original;
    else delete (executor as Partial<typeof executor>).query;
  }
  return captured;
}

/** Closed-loop connections for the route-versus-bare runs (issue 10 item 9 measured at 50). */
export const BARE_CONNECTIONS = 50;

/**
 * A plain Fastify() with one route that replays the captured statements of one list or search request (the
 * session lookup, then its queries) with the same parameters and returns the rows as JSON:
 * through a raw `pg` pool of the app's size on PostgreSQL, through the executor on PGlite (the only
 * way into its worker).
 */
export async function startBareReplay(engine: Engine, statements: CapturedStatement[]) {
  const pool = engine.kind === 'postgres' ? new pg.Pool({ connectionString: engine.url, max: 10 }) : null;
  pool?.on('error', () => undefined);
  const run = async (s: CapturedStatement) =>
    pool ? (await pool.query(s.sql, s.params as unknown[])).rows : (await engine.database.executor.query(s.sql, s.params)).rows;
  const server = Fastify({ logger: false });
  server.get('/bare/replay', async () => {
    let rows: unknown[] = [];
    for (const s of statements) rows = await run(s);
    return { items: rows, nextCursor: null };
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bare/replay`,
    async close() {
      await server.close().catch(() => undefined);
      await pool?.end().catch(() => undefined);
    },
  };
}

export interface Throughput {
  app: LoadResult;
  bare: LoadResult;
  ratio: number;
}

/** An app route (title: how the report names it) against the bare replay of its SQL, same connections and duration. */
export async function routeVsBare(engine: Engine, title: string, appUrl: string, user: SignedIn, statements: CapturedStatement[], durationSec: number, log: (m: string) => void): Promise<Throughput> {
  const bare = await startBareReplay(engine, statements);
  try {
    const headers = { cookie: user.cookie, accept: 'application/json' };
    await expectOk(appUrl, headers, (body) => Array.isArray(body.items) && body.items.length > 0);
    await expectOk(bare.url, headers, (body) => Array.isArray(body.items) && body.items.length > 0);
    const half = Math.max(1, durationSec / 2);
    const load = (url: string, title: string) => {
      log(`  ${engine.kind}: ${title} (1 s warm-up + ${half} s)`);
      return runLoad({ url, title, headers, connections: BARE_CONNECTIONS, durationSec: half, warmupSec: 1 });
    };
    // app, bare, bare, app: on a machine shared with other work the load drifts, and this order
    // spreads the drift evenly over both targets.
    const bareTitle = `bare Fastify + the same SQL as ${title}`;
    const app1 = await load(appUrl, `${title} (real app)`);
    const bare1 = await load(bare.url, bareTitle);
    const bare2 = await load(bare.url, bareTitle);
    const app2 = await load(appUrl, `${title} (real app)`);
    const app = mergeLoads(app1, app2);
    const bareResult = mergeLoads(bare1, bare2);
    return { app, bare: bareResult, ratio: app.requestsPerSec / bareResult.requestsPerSec };
  } finally {
    await bare.close();
  }
}


/** POST /api/v1/tickets under closed-loop load: every request creates a ticket (history, event, detail). */
export async function createLoad(baseUrl: string, user: SignedIn, body: Record<string, unknown>, durationSec: number): Promise<LoadResult> {
  const url = `${baseUrl}/api/v1/tickets`;
  assertLoopback(url);
  const headers = { cookie: user.cookie, 'x-csrf-token': user.csrfToken, 'content-type': 'application/json', accept: 'application/json' };
  const probe = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (probe.status !== 201) throw new Error(`POST ${url} answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`);
  await probe.arrayBuffer();
  return runLoad({ url, title: 'POST /api/v1/tickets', method: 'POST', body: JSON.stringify(body), headers, connections: 10, durationSec, warmupSec: 1 });
}
