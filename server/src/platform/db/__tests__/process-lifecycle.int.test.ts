/**
 * PLT-1/PLT-12 at process level: the data-directory lock, durability across kill -9, and graceful
 * shutdown, on real `main.ts start` processes.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/harness.ts';
import { announcePgliteOnly, onPostgres, PGLITE_ONLY, readLock, seededDataDir, ServerProcess, Session, tempDir } from './processes.ts';

announcePgliteOnly('data-directory lock and kill -9 durability');

const running: ServerProcess[] = [];
const dirs: string[] = [];

async function startServer(dataDir: string, env: Record<string, string | undefined> = {}) {
  const server = await ServerProcess.start(dataDir, env);
  running.push(server);
  return server;
}

/** On PostgreSQL the database is elsewhere (DATABASE_URL) and the directory only holds files: empty is right. */
function newDataDir() {
  const dir = onPostgres() ? tempDir() : seededDataDir();
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const server of running.splice(0)) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('embedded data directory (PGlite)', () => {
  it('refuses a second server on the same DATA_DIR with exit code 3 and says it is in use', { timeout: 120_000 }, async (ctx) => {
    ctx.skip(onPostgres(), PGLITE_ONLY);
    const dataDir = newDataDir();
    const first = await startServer(dataDir);
    await first.waitReady();

    const second = await startServer(dataDir);
    const exit = await second.exited;

    expect(exit.code).toBe(3);
    expect(second.stderr).toContain(`The data directory ${dataDir} is in use by another Switchboard process (pid ${first.pid})`);
    expect(readLock(dataDir)?.pid).toBe(first.pid);
    expect((await fetch(`${first.baseUrl}/readyz`)).status).toBe(200);
  });

  it('keeps committed work across kill -9 and takes over the stale lock on the next start', { timeout: 120_000 }, async (ctx) => {
    ctx.skip(onPostgres(), PGLITE_ONLY);
    const dataDir = newDataDir();
    const first = await startServer(dataDir);
    await first.waitReady();
    const admin = await first.login();
    const code = `K9-${Date.now().toString(36)}`;
    const created = await admin.request('POST', '/api/v1/branches', { code, name: 'Survives kill -9' });
    expect(created.status).toBe(201);

    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(readLock(dataDir)?.pid).toBe(first.pid); // left behind by the killed process

    const second = await startServer(dataDir);
    await second.waitReady();
    expect(readLock(dataDir)?.pid).toBe(second.pid);
    // The session row survived too: the old cookie still works against the new process.
    const sameAdmin = new Session(second.baseUrl, admin.cookie, admin.csrfToken);
    const branches = await sameAdmin.request('GET', '/api/v1/branches');
    expect(branches.status).toBe(200);
    expect(branches.body.items).toContainEqual(expect.objectContaining({ id: created.body.id, code, name: 'Survives kill -9' }));
    // The stale control socket was replaced by one only the owner can use.
    expect(fs.statSync(path.join(dataDir, 'control.sock')).mode & 0o777).toBe(0o600);
  });
});

/**
 * A login whose headers the server has accepted and routed, but whose body is still to come. Sent over
 * a keep-alive connection, as a browser would: the connection outlives the request.
 */
async function startSlowLogin(baseUrl: string, agent: http.Agent) {
  const url = new URL(`${baseUrl}/api/v1/auth/login`);
  const body = JSON.stringify({ email: 'admin@demo.test', password: 'switchboard' });
  const request = http.request({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
  });
  const response = new Promise<{ status: number; body: any }>((resolve, reject) => {
    request.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    request.on('error', reject);
  });
  // "100 Continue" comes back only once the server has parsed the headers and dispatched the request.
  const accepted = new Promise<void>((resolve) => request.once('continue', resolve));
  request.flushHeaders();
  await accepted;
  return { finish: () => request.end(body), response };
}

/** GET /readyz on a connection of its own (closed after the answer); null when nothing listens. */
function probeReadiness(baseUrl: string): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get(`${baseUrl}/readyz`, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    request.on('error', () => resolve(null));
  });
}

/** Resolves once the server no longer takes new work: /readyz says so, or the listener is gone. */
async function waitUntilDraining(baseUrl: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await probeReadiness(baseUrl);
    if (status === 503 || status === null) return;
    await new Promise((resolve) => setTimeout(resolve, 20)); // poll interval while waiting for the condition
  }
  throw new Error('the server did not start shutting down');
}

describe('graceful shutdown (SIGTERM)', () => {
  it('finishes the request in flight, exits 0 and releases the data directory', { timeout: 120_000 }, async () => {
    const dataDir = newDataDir();
    const db = onPostgres() ? await createTestDatabase() : null;
    try {
      const server = await startServer(dataDir, db ? { DATABASE_URL: db.url } : {});
      await server.waitReady();
      const browser = new http.Agent({ keepAlive: true });
      const login = await startSlowLogin(server.baseUrl, browser);

      server.child.kill('SIGTERM');
      await waitUntilDraining(server.baseUrl);
      login.finish();

      const answer = await login.response;
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ email: 'admin@demo.test', csrfToken: expect.any(String) });
      const exit = await server.exited;
      browser.destroy();
      expect(exit, `server output:\n${server.stdout}${server.stderr}`).toEqual({ code: 0, signal: null });
      expect(fs.existsSync(path.join(dataDir, 'switchboard.lock'))).toBe(false);
      expect(fs.existsSync(path.join(dataDir, 'control.sock'))).toBe(false);
    } finally {
      await db?.drop();
    }
  });
});
