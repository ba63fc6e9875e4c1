/**
 * Real Switchboard processes for process-level tests: the bundled server `npm start` runs
 * (`node server/dist/main.mjs …`, bundled by the global setup) on a private DATA_DIR and a free port,
 * exactly as an operator runs it.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const MAIN = path.join(ROOT, 'server/dist/main.mjs');

export function tempDir(prefix = 'sb-proc-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A DATA_DIR whose database is already this run's migrated and seeded template (the global setup's PGlite
 * dump, unpacked into `pgdata/`), so a process test's first start does not migrate and seed from scratch
 * (15 s to ready instead of 5 s here). The demo attachments' bytes are not in it — they live in
 * DATA_DIR/files, which a seed writes — so a test that reads demo files, or that needs a first start on an
 * empty directory, uses tempDir().
 */
export function seededDataDir(): string {
  const template = inject('pgliteTemplate');
  if (!template) throw new Error('seededDataDir needs the PGlite template (this run is on PostgreSQL)');
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'pgdata'));
  // The dump's member names start with '/': tar strips it (and says so on stderr, which is ignored).
  execFileSync('tar', ['-xf', template, '-C', path.join(dir, 'pgdata')], { stdio: 'ignore' });
  return dir;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The child's environment: this process's, minus anything that would point it at another database. */
function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DEMO: '1', HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ServerProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  readonly exited: Promise<Exit>;
  stdout = '';
  stderr = '';
  private exit: Exit | null = null;

  constructor(readonly dataDir: string, readonly port: number, env: Record<string, string | undefined> = {}) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.child = spawn(process.execPath, [MAIN, 'start'], {
      cwd: ROOT,
      env: childEnv({ DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: this.baseUrl, ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk) => (this.stdout += chunk));
    this.child.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  static async start(dataDir: string, env: Record<string, string | undefined> = {}): Promise<ServerProcess> {
    return new ServerProcess(dataDir, await freePort(), env);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resolves once /readyz answers 200; rejects if the process dies first. */
  async waitReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exit) throw new Error(`server exited (${JSON.stringify(this.exit)}) before it was ready:\n${this.stderr}`);
      try {
        const response = await fetch(`${this.baseUrl}/readyz`);
        if (response.status === 200) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval while waiting for the condition
    }
    throw new Error(`server not ready after ${timeoutMs} ms:\n${this.stderr}`);
  }

  async stop(): Promise<Exit> {
    if (!this.exit) this.child.kill('SIGTERM');
    return this.exited;
  }

  /** Signs in over HTTP; returns what an API client needs for authenticated writes. */
  async login(email = 'admin@demo.test', password = 'switchboard'): Promise<Session> {
    const response = await fetch(`${this.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('sb_session='))!.split(';')[0];
    const body = (await response.json()) as { csrfToken: string };
    return new Session(this.baseUrl, cookie, body.csrfToken);
  }
}

export class Session {
  constructor(readonly baseUrl: string, readonly cookie: string, readonly csrfToken: string) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }

  /** POST /api/v1/files (multipart, field "file"), as the web app uploads. */
  async upload(name: string, bytes: Uint8Array): Promise<{ status: number; body: any }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const response = await fetch(`${this.baseUrl}/api/v1/files`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken },
      body: form,
    });
    return { status: response.status, body: await response.json() };
  }

  async download(url: string): Promise<{ status: number; bytes: Buffer }> {
    const response = await fetch(`${this.baseUrl}${url}`, { headers: { cookie: this.cookie } });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
  }
}

/** Runs one CLI command (`backup FILE`, `restore FILE`, …) to completion. */
export function runCli(args: string[], env: Record<string, string | undefined>): Promise<Exit & { stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function readLock(dataDir: string): { pid: number } | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, 'switchboard.lock'), 'utf8'));
  } catch {
    return null;
  }
}

export const onPostgres = () => Boolean(process.env.TEST_DATABASE_URL);
export const PGLITE_ONLY = 'PGlite only: skipped because TEST_DATABASE_URL is set';

export const POSTGRES_ONLY = 'PostgreSQL only: skipped because TEST_DATABASE_URL is not set';

/** Says out loud which tests a PGlite run leaves out: they need several processes on one database server. */
export function announcePostgresOnly(what: string) {
  if (!onPostgres()) console.warn(`SKIPPED on PGlite: ${what} (${POSTGRES_ONLY}).`);
}

/** Says out loud which tests a PostgreSQL run leaves out (vitest's summary only counts skips). */
export function announcePgliteOnly(what: string) {
  if (onPostgres()) console.warn(`SKIPPED on PostgreSQL: ${what} (${PGLITE_ONLY}).`);
}
