/**
 * Creating records under load (issue 10): POST /api/v1/tickets (an agent opens an hr ticket for a demo
 * customer) and POST /api/v1/customers (a sales rep creates a company with one address) through the
 * real app at 20 connections, against a bare Fastify route doing ONE raw INSERT of an equivalent row
 * (number from the same sequence) in the same run — through a raw `pg` pool of the app's size on
 * PostgreSQL, through the executor on PGlite (the only way into its worker). Plus the statements one
 * create sends, counted at the executor as the statement-count tests count them.
 */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import pg from 'pg';
import type { SqlExecutor, SqlSession } from '../../server/src/platform/db/executor.ts';
import type { PgExecutor } from '../../server/src/platform/db/pg-executor.ts';
import { headOf, recordStatements } from '../../server/test/statements.ts';
import { type RunningApp, type SignedIn, signIn, startApp } from '../lib/app-server.ts';
import { type Engine, type EngineKind, onEachEngine } from '../lib/engine.ts';
import { assertLoopback, type LoadResult, mergeLoads, runLoad } from '../lib/load.ts';
import { fmt, table } from '../lib/markdown.ts';
import type { Scenario, ScenarioContext } from '../lib/scenario.ts';

const ENGINES: EngineKind[] = ['postgres', 'pglite'];
const LABEL: Record<EngineKind, string> = { postgres: 'PostgreSQL', pglite: 'PGlite (worker)' };
const CONNECTIONS = 20;
const WARMUP_SEC = 1;
const GOAL = 0.5;
/** Counted the same way on main before issue 10 (f06248d), for the agent's ticket and the company with one address. */
const BEFORE = { ticket: 15, customer: 11 };

type Kind = 'ticket' | 'customer';
interface Measured {
  kind: Kind;
  statements: string[];
  /** Every statement the executor ran during the app's load runs, per create: session lookups, the outbox dispatcher, delivery jobs and job polling included. */
  underLoad: number;
  app: LoadResult;
  raw: LoadResult;
}
interface EngineRun {
  engine: EngineKind;
  poolSize: number | null;
  results: Measured[];
}

/** The raw INSERTs: the same columns a create fills from its body, the number from the app's own sequence. */
const RAW_SQL: Record<Kind, string> = {
  ticket: `insert into tickets (number, title, description, type_id, category, priority, customer_id, status, source, tags, type_fields, custom, contact_name, created_by)
    values ((select 'TCK-' || lpad(s.n, greatest(6, length(s.n)), '0') from (select nextval('ticket_number_seq')::text as n) s),
      $1, $2, $3, 'QUESTION', 3, $4, 'new', 'web_form', '{}', $5::jsonb, '{}'::jsonb, $6, $7)
    returning id, number`,
  customer: `insert into customers (number, type, name, company_name, owner_id, created_by, custom)
    values ((select 'CUST-' || to_char(now() at time zone 'utc', 'YYYY') || '-' || lpad(s.n, greatest(6, length(s.n)), '0') from (select nextval('customer_number_seq')::text as n) s),
      'company', $1, $1, $2, $2, '{}'::jsonb)
    returning id, number`,
};

interface Fixture {
  agent: SignedIn;
  sales: SignedIn;
  agentId: string;
  salesId: string;
  customer: { id: string; name: string };
  hrTypeId: string;
}

const bodies = (f: Fixture): Record<Kind, Record<string, unknown>> => ({
  ticket: { title: 'Printer jams', description: 'Paper jams on every print.', type: 'hr', typeFields: { topic: 'Leave' }, customerId: f.customer.id },
  customer: { type: 'company', companyName: 'Bench Create Co', addresses: [{ city: 'Huế', country: 'VN' }] },
});

async function fixture(engine: Engine, app: RunningApp): Promise<Fixture> {
  const one = async <T>(sql: string, params: unknown[] = []) => (await engine.database.executor.query<T>(sql, params)).rows[0];
  const agent = await signIn(app.baseUrl, 'agent1@demo.test');
  const sales = await signIn(app.baseUrl, 'sales1@demo.test');
  const agentId = (await one<{ id: string }>(`select id from users where email = 'agent1@demo.test'`)).id;
  const salesId = (await one<{ id: string }>(`select id from users where email = 'sales1@demo.test'`)).id;
  const customer = await one<{ id: string; name: string }>(`select id, name from customers order by number limit 1`);
  const hrTypeId = (await one<{ id: string }>(`select id from ticket_types where key = 'hr'`)).id;
  return { agent, sales, agentId, salesId, customer, hrTypeId };
}

/** A plain Fastify() with one POST route per kind: parse the JSON body, one INSERT, answer the new id and number. */
async function startRaw(engine: Engine, f: Fixture) {
  const poolSize = engine.kind === 'postgres' ? ((engine.database.executor as PgExecutor).pool.options.max ?? 10) : null;
  const pool = poolSize ? new pg.Pool({ connectionString: engine.url, max: poolSize }) : null;
  pool?.on('error', () => undefined);
  const run = async (sql: string, params: unknown[]) => (pool ? (await pool.query(sql, params)).rows : (await engine.database.executor.query(sql, params)).rows);
  const server = Fastify({ logger: false });
  server.post('/raw/tickets', async (request, reply) => {
    const b = request.body as { title: string; description: string; typeFields: unknown };
    const [row] = await run(RAW_SQL.ticket, [b.title, b.description, f.hrTypeId, f.customer.id, JSON.stringify(b.typeFields), f.customer.name, f.agentId]);
    return reply.status(201).send(row);
  });
  server.post('/raw/customers', async (request, reply) => {
    const b = request.body as { companyName: string };
    const [row] = await run(RAW_SQL.customer, [b.companyName, f.salesId]);
    return reply.status(201).send(row);
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const { port } = server.server.address() as AddressInfo;
  return {
    poolSize,
    urls: { ticket: `http://127.0.0.1:${port}/raw/tickets`, customer: `http://127.0.0.1:${port}/raw/customers` } as Record<Kind, string>,
    async close() {
      await server.close().catch(() => undefined);
      await pool?.end().catch(() => undefined);
    },
  };
}

/**
 * Counts every statement the app's executor runs while `fn` runs — standalone queries, the queries of
 * transactions and their BEGIN/COMMIT — and the creates among them (their writing statement starts
 * `with "<table>" as (insert`), so background work (dispatcher, jobs, polling) is charged to the creates.
 */
async function countUnderLoad<T>(engine: Engine, table: string, fn: () => Promise<T>): Promise<{ result: T; statements: number; creates: number }> {
  const executor = engine.database.executor as SqlExecutor;
  const original = { query: executor.query, transaction: executor.transaction };
  let statements = 0;
  let creates = 0;
  const write = `with "${table}" as (insert`;
  const note = (sql: string) => {
    statements++;
    if (sql.startsWith(write)) creates++;
  };
  executor.query = function (this: SqlExecutor, sql, params, options) {
    note(sql);
    return original.query.call(this, sql, params, options);
  } as SqlExecutor['query'];
  executor.transaction = function <R>(this: SqlExecutor, fn: (session: SqlSession) => Promise<R>) {
    statements += 2; // BEGIN and COMMIT (or ROLLBACK), sent by the executor itself
    return original.transaction.call(this, (session: SqlSession) => fn({ query: (sql, params, options) => (note(sql), session.query(sql, params, options)) })) as Promise<R>;
  } as SqlExecutor['transaction'];
  try {
    return { result: await fn(), statements, creates };
  } finally {
    delete (executor as Partial<SqlExecutor>).query;
    delete (executor as Partial<SqlExecutor>).transaction;
  }
}

/** One create through app.inject, in-process, so the recorder sees exactly the statements of this request. */
async function statementsOfOne(app: RunningApp, engine: Engine, user: SignedIn, url: string, body: Record<string, unknown>): Promise<string[]> {
  let status = 0;
  const statements = await recordStatements(engine, async () => {
    const response = await app.built.app.inject({ method: 'POST', url, payload: body, headers: { cookie: user.cookie, 'x-csrf-token': user.csrfToken } });
    status = response.statusCode;
  });
  if (status !== 201) throw new Error(`POST ${url} answered ${status} while counting statements`);
  return statements.map(headOf);
}

async function probe(url: string, headers: Record<string, string>, body: string) {
  assertLoopback(url);
  const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 300)}`);
}

async function measureEngine(engine: Engine, context: ScenarioContext, durationSec: number): Promise<EngineRun> {
  const app = await startApp(engine);
  let raw: Awaited<ReturnType<typeof startRaw>> | undefined;
  try {
    const f = await fixture(engine, app);
    raw = await startRaw(engine, f);
    const results: Measured[] = [];
    for (const kind of ['ticket', 'customer'] as Kind[]) {
      const user = kind === 'ticket' ? f.agent : f.sales;
      const appUrl = `${app.baseUrl}/api/v1/${kind === 'ticket' ? 'tickets' : 'customers'}`;
      const body = JSON.stringify(bodies(f)[kind]);
      const headers = { cookie: user.cookie, 'x-csrf-token': user.csrfToken, 'content-type': 'application/json', accept: 'application/json' };
      const statements = await statementsOfOne(app, engine, user, new URL(appUrl).pathname, bodies(f)[kind]);
      await probe(appUrl, headers, body);
      await probe(raw.urls[kind], headers, body);
      const half = Math.max(1, durationSec / 2);
      const load = (url: string, title: string) => {
        context.log(`  ${LABEL[engine.kind]}: ${title} (${WARMUP_SEC} s warm-up + ${half} s)`);
        return runLoad({ url, title, method: 'POST', body, headers, connections: CONNECTIONS, durationSec: half, warmupSec: WARMUP_SEC });
      };
      const appTitle = `POST ${new URL(appUrl).pathname} (real app)`;
      const rawTitle = `bare Fastify + one raw INSERT into ${kind === 'ticket' ? 'tickets' : 'customers'}`;
      // app, raw, raw, app: load from other work on the machine drifts, and this order spreads it over both.
      const table = kind === 'ticket' ? 'tickets' : 'customers';
      const app1 = await countUnderLoad(engine, table, () => load(appUrl, appTitle));
      const raw1 = await load(raw.urls[kind], rawTitle);
      const raw2 = await load(raw.urls[kind], rawTitle);
      const app2 = await countUnderLoad(engine, table, () => load(appUrl, appTitle));
      const underLoad = (app1.statements + app2.statements) / Math.max(1, app1.creates + app2.creates);
      results.push({ kind, statements, underLoad, app: mergeLoads(app1.result, app2.result), raw: mergeLoads(raw1, raw2) });
    }
    return { engine: engine.kind, poolSize: raw.poolSize, results };
  } finally {
    await raw?.close();
    await app.close().catch(() => undefined);
  }
}


const ratioOf = (m: Measured) => m.app.requestsPerSec / m.raw.requestsPerSec;

function rowsOf(run: EngineRun) {
  return run.results.flatMap((m) => {
    const row = (r: LoadResult, statements: string, ratio: string) => [
      LABEL[run.engine],
      r.title,
      fmt.int(r.requestsPerSec),
      fmt.ms(r.latencyMs.p50),
      fmt.ms(r.latencyMs.p97_5),
      fmt.ms(r.latencyMs.p99),
      `${r.errors + r.timeouts} / ${r.non2xx}`,
      fmt.int(r.totalRequests),
      statements,
      ratio,
    ];
    return [
      row(m.app, `${m.statements.length} (before: ${BEFORE[m.kind]}); ${m.underLoad.toFixed(1)} under load`, `${fmt.ratio(ratioOf(m))} ${ratioOf(m) >= GOAL ? 'goal met' : 'goal missed'}`),
      row(m.raw, '1', ''),
    ];
  });
}

function readingOf(runs: EngineRun[], skipped: string[]): string {
  const sentences = runs.map((run) => {
    const parts = run.results.map(
      (m) =>
        `${m.kind === 'ticket' ? 'POST /tickets' : 'POST /customers'} served ${fmt.int(m.app.requestsPerSec)} creates/s (p99 ${fmt.ms(m.app.latencyMs.p99)} ms) ` +
        `against the raw INSERT's ${fmt.int(m.raw.requestsPerSec)} (p99 ${fmt.ms(m.raw.latencyMs.p99)} ms): ${fmt.ratio(ratioOf(m))}, goal ≥ ${GOAL}× ${ratioOf(m) >= GOAL ? 'met' : 'missed'}, ` +
        `in ${m.statements.length} statements (${m.statements.map((s) => `\`${s.split(' ').slice(0, 4).join(' ')}…\``).join(', ')}); ` +
        `under load the executor ran ${m.underLoad.toFixed(1)} statements per create in all (the session lookup, the outbox dispatcher's batches, delivery jobs and their polling included)`,
    );
    return `On ${LABEL[run.engine]}${run.poolSize ? ` (app and raw pool: ${run.poolSize} connections each)` : ''}, ${parts.join('; ')}.`;
  });
  const failures = runs.flatMap((run) => run.results.flatMap((m) => [m.app, m.raw]).filter((r) => r.errors + r.timeouts + r.non2xx > 0).map((r) => `${LABEL[run.engine]} / ${r.title}`));
  sentences.push(failures.length ? `Errors or non-2xx answers occurred in: ${failures.join('; ')} — those figures are suspect.` : 'No run had errors, timeouts or non-2xx answers.');
  if (skipped.length) sentences.push(`Skipped: ${skipped.join('; ')}.`);
  return sentences.join(' ');
}

export const creates: Scenario = {
  name: 'creates',
  async run(context) {
    const durationSec = context.quick ? 2 : 10;
    const { runs, skipped } = await onEachEngine(ENGINES, (kind) => context.log(`creates: opening ${LABEL[kind]} (migrate + demo seed)`), (engine) => measureEngine(engine, context, durationSec));
    const body = [
      `Creating records through the real app (\`buildApp\`, production config, job workers and the outbox dispatcher on) ` +
        `over HTTP on 127.0.0.1: an agent opening an hr ticket for a demo customer (POST /api/v1/tickets: checks, number, SLA ` +
        `targets, history, the ticket.created event, the detail read back) and a sales rep creating a company with one address ` +
        `(POST /api/v1/customers: checks, number, address, history, the "customer created" activity, the customer.created event, ` +
        `the record read back) — the same body every request. Against it, in the same run, a plain \`Fastify()\` route that ` +
        `parses the same body and runs ONE raw INSERT of an equivalent row (same table, its number from the same sequence, ` +
        `RETURNING id and number) through a raw \`pg\` pool of the app's size on PostgreSQL, through the executor on PGlite. ` +
        `autocannon from a worker thread, ${CONNECTIONS} connections, ${WARMUP_SEC} s warm-up then ${durationSec / 2} s per ` +
        `run in the order app, raw, raw, app (figures averaged, tails the worse of the two). Latencies in ms (autocannon ` +
        `records whole milliseconds). "statements" is what one create sends to the database, counted at the executor through ` +
        `app.inject (server/test/statements.ts): BEGIN/COMMIT and savepoints included; the auth hook's session lookup, the ` +
        `outbox dispatcher and job polling (which run after the request, detached from it) left out — "before" is the same ` +
        `count on main before issue 10; "under load" is every statement the executor ran during the app's load runs divided ` +
        `by the creates among them. "× raw" is app req/s over raw req/s; the goal is ≥ ${GOAL}×.`,
      table(['Engine', 'Target', 'req/s', 'p50', 'p97.5', 'p99', 'err / non-2xx', 'requests', 'statements', '× raw'], runs.flatMap(rowsOf)),
      `**Reading.** ${readingOf(runs, skipped)}`,
    ].join('\n\n');
    return { title: 'Creating tickets and customers versus one raw INSERT (issue 10)', body };
  },
};
