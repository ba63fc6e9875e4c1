/**
 * Issue 10 items 11–12: what `npm start` costs a small box — start times (first start on a fresh copy
 * of the repository, a later start, a restart after `kill -9` under write load) and the resident memory
 * of the idle server, in embedded mode and on PostgreSQL. Real processes (`node scripts/start.mjs`),
 * exactly as the README starts them; RSS is the server process's VmRSS (its PGlite worker thread included).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../server/src/config.ts';
import { openDatabase } from '../../server/src/platform/db/open.ts';
import { signIn } from '../lib/app-server.ts';
import { generateCustomers } from '../lib/customer-data.ts';
import { createBenchDatabase, type Engine, type EngineKind } from '../lib/engine.ts';
import { runLoad } from '../lib/load.ts';
import { fmt, table } from '../lib/markdown.ts';
import type { Scenario, ScenarioContext } from '../lib/scenario.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ENGINE_LABEL: Record<EngineKind, string> = { pglite: 'embedded PGlite', postgres: 'PostgreSQL' };
/** The figures the issue measured before this work, shown beside the new ones. */
const BEFORE: Record<EngineKind, { firstStart: string; idleRss: string; crashRestart: string }> = {
  pglite: { firstStart: '68 s (web build included)', idleRss: '546–564 MB (after an hour)', crashRestart: '16–19 s' },
  postgres: { firstStart: '—', idleRss: '147 MB', crashRestart: '2 s' },
};

interface Figures {
  kind: EngineKind;
  firstStartMs: number;
  firstIdleRssMb: number;
  laterStartMs: number;
  laterIdleRssMb: number;
  crashRestartMs: number;
  /** Embedded only: the same data directory grown by `customers` generated customers. */
  large?: { customers: number; activities: number; startMs: number; idleRssMb: number; diskMb: number; searchP50Ms: number };
}

const dirSizeMb = (dir: string) => Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]) / 1024;

/**
 * What a bigger embedded database needs: `customers` generated customers (with 5 activities each) are
 * added to the stopped server's data directory, then the server starts on it, answers 20 customer
 * searches and idles; its start time, idle RSS and the data directory's size are what the README quotes.
 */
async function largeEmbedded(cwd: string, env: Record<string, string>, baseUrl: string, customers: number, idleSec: number, log: (m: string) => void) {
  const activitiesPerCustomer = 5;
  log(`  pglite: adding ${customers.toLocaleString('en-US')} customers with ${activitiesPerCustomer} activities each to the data directory`);
  const opened = await openDatabase(loadConfig(env));
  try {
    await generateCustomers({ database: opened.database } as Engine, { customers, activitiesPerCustomer }, log);
  } finally {
    await opened.close();
  }
  const { server, ms } = await start(cwd, env, baseUrl);
  try {
    const admin = await signIn(baseUrl, 'admin@demo.test');
    const times: number[] = [];
    for (const q of ['nguyen', 'иван', 'ltd', 'tran', '王', 'petrov', 'anna', 'co', 'minh', 'георги'].flatMap((w) => [w, w.slice(0, 3)])) {
      const since = performance.now();
      const response = await fetch(`${baseUrl}/api/v1/customers?q=${encodeURIComponent(q)}&limit=50`, { headers: { cookie: admin.cookie } });
      if (response.status !== 200) throw new Error(`customer search answered ${response.status}`);
      await response.arrayBuffer();
      times.push(performance.now() - since);
    }
    times.sort((a, b) => a - b);
    const idleRssMb = await idleRss(server, idleSec);
    const diskMb = dirSizeMb(path.join(env.DATA_DIR, 'pgdata'));
    log(`  pglite + ${customers} customers: ready in ${ms} ms, ${idleRssMb.toFixed(0)} MB idle, pgdata ${diskMb.toFixed(0)} MB`);
    return { customers, activities: customers * activitiesPerCustomer, startMs: ms, idleRssMb, diskMb, searchP50Ms: times[Math.floor(times.length / 2)] };
  } finally {
    await server.stop();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** A fresh copy of the working tree (what `git clone` would give, with these changes), sharing node_modules. */
function freshCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-clone-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    if (!fs.existsSync(path.join(ROOT, file))) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

class Server {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  output = '';
  constructor(cwd: string, env: Record<string, string>) {
    this.child = spawn(process.execPath, ['scripts/start.mjs'], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk) => (this.output += chunk));
    this.child.stderr!.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
  }
  /** Milliseconds from spawn to the first 200 from /readyz. */
  async ready(baseUrl: string, since: number, timeoutMs = 300_000): Promise<number> {
    while (Date.now() - since < timeoutMs) {
      if (this.child.exitCode !== null) throw new Error(`the server exited (${this.child.exitCode}):\n${this.output.slice(-2000)}`);
      const ok = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
      if (ok) return Date.now() - since;
      await sleep(50);
    }
    throw new Error(`not ready after ${timeoutMs} ms:\n${this.output.slice(-2000)}`);
  }
  rssMb(): number {
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
  }
  async stop(signal: NodeJS.Signals = 'SIGTERM') {
    this.child.kill(signal);
    await this.exited;
  }
}

/** RSS after the server has been idle for idleSec (no requests but the probe's own). */
async function idleRss(server: Server, idleSec: number): Promise<number> {
  await sleep(idleSec * 1000);
  return server.rssMb();
}

async function start(cwd: string, env: Record<string, string>, baseUrl: string): Promise<{ server: Server; ms: number }> {
  const since = Date.now();
  const server = new Server(cwd, env);
  return { server, ms: await server.ready(baseUrl, since) };
}

/** Tickets created through the API until `kill -9`; returns the time until the restarted server is ready. */
async function crashUnderLoad(cwd: string, env: Record<string, string>, baseUrl: string, loadSec: number, log: (m: string) => void) {
  let { server } = await start(cwd, env, baseUrl);
  const agent = await signIn(baseUrl, 'admin@demo.test');
  const headers = { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken, 'content-type': 'application/json', accept: 'application/json' };
  const customers = await (await fetch(`${baseUrl}/api/v1/customers?limit=1`, { headers })).json();
  const body = JSON.stringify({
    title: 'Bench: printer jams', description: 'Paper jams on every print.', type: 'hr', typeFields: { topic: 'Leave' },
    category: 'PROBLEM', priority: 3, customerId: customers.items[0].id,
  });
  const probe = await fetch(`${baseUrl}/api/v1/tickets`, { method: 'POST', headers, body });
  if (probe.status !== 201) throw new Error(`POST /api/v1/tickets answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`);
  // The load ends half a second after the kill: the restart is timed on its own, not against a client's retries.
  const load = runLoad({ url: `${baseUrl}/api/v1/tickets`, title: 'writes until the crash', method: 'POST', body, headers, connections: 10, durationSec: loadSec, warmupSec: 0 });
  await sleep(loadSec * 1000 - 500);
  server.child.kill('SIGKILL');
  await server.exited;
  log(`    killed with -9 after ${loadSec} s of ticket creation`);
  const restarted = await start(cwd, env, baseUrl);
  server = restarted.server;
  await load.catch(() => undefined);
  await server.stop();
  return restarted.ms;
}

async function measure(kind: EngineKind, idleSec: number, loadSec: number, largeCustomers: number, log: (m: string) => void): Promise<Figures> {
  const cwd = freshCopy();
  const database = kind === 'postgres' ? await createBenchDatabase() : undefined;
  try {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = { DATA_DIR: path.join(cwd, 'data'), PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: baseUrl, DEMO: 'true', LOG_LEVEL: 'warn' };
    if (database) env.DATABASE_URL = database.url;
    else delete process.env.DATABASE_URL;
    log(`  ${kind}: first start on a fresh copy (web build, server bundle, migrations, demo data)`);
    const first = await start(cwd, env, baseUrl);
    const firstIdleRssMb = await idleRss(first.server, idleSec);
    log(`    ready in ${first.ms} ms, ${firstIdleRssMb.toFixed(0)} MB after ${idleSec} s idle`);
    await first.server.stop();
    const later = await start(cwd, env, baseUrl);
    const laterIdleRssMb = await idleRss(later.server, idleSec);
    log(`  ${kind}: later start ready in ${later.ms} ms, ${laterIdleRssMb.toFixed(0)} MB after ${idleSec} s idle`);
    await later.server.stop();
    const crashRestartMs = await crashUnderLoad(cwd, env, baseUrl, loadSec, log);
    log(`  ${kind}: ready ${crashRestartMs} ms after kill -9 under load`);
    const large = kind === 'pglite' ? await largeEmbedded(cwd, env, baseUrl, largeCustomers, idleSec, log) : undefined;
    return { kind, firstStartMs: first.ms, firstIdleRssMb, laterStartMs: later.ms, laterIdleRssMb, crashRestartMs, large };
  } finally {
    await database?.drop();
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

export const footprint: Scenario = {
  name: 'footprint',
  async run(context: ScenarioContext) {
    const idleSec = context.quick ? 10 : 60;
    const loadSec = context.quick ? 5 : 15;
    const runs: Figures[] = [];
    const largeCustomers = context.quick ? 20_000 : 100_000;
    for (const kind of ['pglite', 'postgres'] as const) runs.push(await measure(kind, idleSec, loadSec, largeCustomers, context.log));
    const large = runs.find((r) => r.large)?.large;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const mb = (n: number) => `${fmt.int(Math.round(n))} MB`;
    const body = [
      `Real processes started as the README says (\`node scripts/start.mjs\`, demo mode) on a fresh copy of the working tree ` +
        `(no web/dist, no server/dist, no DATA_DIR; node_modules shared): the **first start** builds the web app, bundles the ` +
        `server, migrates and loads the demo data; the **later start** follows a clean stop; the **restart after kill -9** follows ` +
        `${loadSec} s of ticket creation at 10 connections, killed mid-load. Times are spawn → first 200 from \`/readyz\`. RSS is the ` +
        `server process's VmRSS after ${idleSec} s idle (the PGlite worker thread is inside it; PostgreSQL's own processes are not).`,
      table(
        ['Mode', 'first start', 'idle RSS after it', 'later start', 'idle RSS after it', 'restart after kill -9 under load', 'before: first start', 'before: idle RSS', 'before: restart after kill -9'],
        runs.map((r) => [ENGINE_LABEL[r.kind], s(r.firstStartMs), mb(r.firstIdleRssMb), s(r.laterStartMs), mb(r.laterIdleRssMb), s(r.crashRestartMs), BEFORE[r.kind].firstStart, BEFORE[r.kind].idleRss, BEFORE[r.kind].crashRestart]),
        ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'left', 'left'],
      ),
      `**Goals** (issue 10 items 11–12): idle RSS ≤ 250 MB embedded and ≤ 150 MB on PostgreSQL; restart after a crash < 8 s, ` +
        `first start on a fresh clone < 60 s, later starts < 8 s.`,
      large
        ? `**A bigger embedded database.** The embedded data directory above, stopped, grown by ${fmt.int(large.customers)} generated customers ` +
          `with ${fmt.int(large.activities)} activities (bench/lib/customer-data.ts), then started again: ready in ${s(large.startMs)}, ` +
          `20 customer searches by name at ${fmt.ms(large.searchP50Ms)} ms median, ${mb(large.idleRssMb)} idle RSS after ${idleSec} s, ` +
          `and ${mb(large.diskMb)} on disk (\`DATA_DIR/pgdata\`).`
        : '',
    ].filter(Boolean).join('\n\n');
    return { title: 'Footprint: start times and idle memory', body };
  },
};
