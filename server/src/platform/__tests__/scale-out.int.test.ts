/**
 * PLT-2 (issue 10, item 13): scale-out proven on real processes, not assumed. Three `main.ts start`
 * processes share one PostgreSQL database, each with its own DATA_DIR and port, as an operator runs them
 * behind a load balancer:
 *   A — JOBS on (workers and schedules): the process the writes go through;
 *   B — JOBS=0: API and sockets only;
 *   C — JOBS on, a second worker, so the cluster has two schedulers and "once per cluster" can fail
 *       (with B's JOBS=0, A would be the only scheduler and "once" would hold by construction).
 * Each `it` says what it would catch. A second buildApp inside this process would share its memory with
 * the first (one Socket.IO server, one module state), so it proves none of this: these are real processes.
 */
import fs from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness.ts';
import { waitFor } from '../../../test/wait.ts';
import { announcePostgresOnly, onPostgres, ServerProcess, Session, tempDir } from '../db/__tests__/processes.ts';

announcePostgresOnly('two app processes on one database (PLT-2 scale-out)');

const MAX_FAILURES = 5;
const common = { LOGIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_FAILURES), LOGIN_WINDOW_MINUTES: '15' };
const WORKER = { ...common, JOBS: '1', JOB_SCHEDULES: '1' };
const API_ONLY = { ...common, JOBS: '0' };

/** A browser tab's socket on `server`: the session cookie and the server's own origin. */
function connectSocket(server: ServerProcess, session: Session): Promise<Socket> {
  const socket = io(server.baseUrl, {
    transports: ['websocket'],
    extraHeaders: { cookie: session.cookie, origin: server.baseUrl },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const sockets: Socket[] = [];

describe.skipIf(!onPostgres())('scale-out: processes A (workers), B (JOBS=0) and C (workers) on one PostgreSQL database', () => {
  // One database and three processes for these its (starting them costs seconds each): the its share
  // the processes and the demo data; each signs in its own sessions and changes records no other it reads.
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const dirs: string[] = [];
  const processes: ServerProcess[] = [];
  let a: ServerProcess;
  let b: ServerProcess;
  let c: ServerProcess;
  /** When both schedulers (A and C) were answering. */
  let schedulersReadyAt: number;

  async function start(env: Record<string, string>) {
    const dir = tempDir('sb-scale-');
    dirs.push(dir);
    const server = await ServerProcess.start(dir, { DATABASE_URL: database.url!, ...env });
    processes.push(server);
    await server.waitReady(90_000);
    return server;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    // A first: the others then start on a database whose job schema A has already checked.
    a = await start(WORKER);
    [b, c] = await Promise.all([start(API_ONLY), start(WORKER)]);
    schedulersReadyAt = Date.now();
  }, 240_000);

  afterAll(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    for (const server of processes.splice(0)) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await database?.drop();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const output = () => processes.map((p, i) => `── process ${'ABC'[i]} stderr:\n${p.stderr}`).join('\n');

  // Would catch: sessions kept in process memory (or a per-process session cache a sign-out elsewhere
  // does not invalidate) — B would answer 401 to a cookie A issued, or A keep a session B ended.
  it('a session made on A works on B, and a sign-out on B ends it on A', { timeout: 60_000 }, async () => {
    const onA = await a.login('manager@demo.test');
    const onB = new Session(b.baseUrl, onA.cookie, onA.csrfToken);

    const meA = await onA.request('GET', '/api/v1/me');
    const meB = await onB.request('GET', '/api/v1/me');
    expect(meA.status).toBe(200);
    expect(meB.status, output()).toBe(200);
    expect(meB.body).toMatchObject({ id: meA.body.id, email: 'manager@demo.test', role: 'manager' });

    // A CSRF-checked write on B with the token A handed out: the sign-out.
    const logout = await onB.request('POST', '/api/v1/auth/logout');
    expect(logout.status).toBeLessThan(300);
    expect((await onA.request('GET', '/api/v1/me')).status).toBe(401);
    expect((await onB.request('GET', '/api/v1/me')).status).toBe(401);
  });

  // Would catch: Socket.IO's default in-memory adapter. The notification is pushed by the worker that
  // delivers it (A or C: B runs none), the ticket room event by the process that served the write (A);
  // a socket held by B gets either only if the PostgreSQL adapter carries it across processes.
  it('a socket on B receives the notification and the room event of a write made through A', { timeout: 90_000 }, async () => {
    const agentOnB = await b.login('agent2@demo.test');
    const adminOnA = await a.login('admin@demo.test');
    const adminOnB = await b.login('admin@demo.test');
    const agentId = (await agentOnB.request('GET', '/api/v1/me')).body.id as string;

    const list = await adminOnA.request('GET', '/api/v1/tickets?status=in_progress&limit=50');
    expect(list.status).toBe(200);
    const ticket = (list.body.items as { id: string; number: string; version: number; processor: { id: string } | null }[]).find((t) => t.processor?.id !== agentId);
    if (!ticket) throw new Error('the demo data has no in-progress ticket another agent processes');

    const [agentSocket, adminSocket] = await Promise.all([connectSocket(b, agentOnB), connectSocket(b, adminOnB)]);
    const notifications: { kind: string; link: string | null; title: string }[] = [];
    const updates: { fields: string[]; version: number }[] = [];
    agentSocket.on('notification', (n) => notifications.push(n));
    adminSocket.on('ticket.updated', (u) => updates.push(u));
    expect(await adminSocket.emitWithAck('subscribe', `ticket:${ticket.number}`)).toEqual({ ok: true });

    const assigned = await adminOnA.request('POST', `/api/v1/tickets/${ticket.number}/assign`, { processorId: agentId }, { 'if-match': `"${ticket.version}"` });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);

    const notice = await waitFor('the assignment notification on B', () => notifications.find((n) => n.link === `/tickets/${ticket.number}`), 30_000);
    expect(notice).toMatchObject({ kind: 'ticket.assigned', title: expect.stringContaining(ticket.number) });
    const update = await waitFor('the ticket room event on B', () => updates.find((u) => u.fields.includes('processorId')), 30_000);
    expect(update.version).toBe(ticket.version + 1);
  });

  // Would catch: failures counted per process (memory, a local file). Then A would have seen 4 and B 1,
  // neither would reach the limit of 5, and the right password would sign in on both.
  it('counts failed sign-ins made on A and on B together: after the limit both refuse, even the right password', { timeout: 60_000 }, async () => {
    const email = 'sales2@demo.test';
    const attempt = async (server: ServerProcess, password: string) => {
      const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      return { status: response.status, code: ((await response.json()) as { code?: string }).code };
    };
    for (let i = 0; i < MAX_FAILURES - 1; i++) expect(await attempt(a, 'wrong password')).toEqual({ status: 401, code: 'invalid_credentials' });
    expect(await attempt(b, 'wrong password')).toEqual({ status: 401, code: 'invalid_credentials' });

    expect(await attempt(a, 'switchboard')).toEqual({ status: 429, code: 'too_many_attempts' });
    expect(await attempt(b, 'switchboard')).toEqual({ status: 429, code: 'too_many_attempts' });
  });

  // Would catch: a scheduler in each process (an in-process timer, or pg-boss cron without its cluster-wide
  // claim): A and C would each create the minute's jobs, two rows for one tick.
  it('fires an every-minute schedule once per cluster, with two schedulers running', { timeout: 180_000 }, async () => {
    const EVERY_MINUTE = ['outbox.dispatch', 'tickets.distribute'];
    // The first minute boundary with A and C both running for a while before it. A scheduler's first look
    // happens before its process is ready, and the previous minute's run it may start then is relayed
    // within 5 s (pg-boss's relay queue polls every 5 s): it lands well before the tick, not in its minute.
    const tick = new Date(Math.ceil((schedulersReadyAt + 10_000) / 60_000) * 60_000);
    // Each scheduler looks every 30 s, and the relay takes up to 5 s more: by tick + 40 s both A and C
    // have had their turn at this tick, and a second run of it would be there.
    const settled = tick.getTime() + 40_000;
    const runs = async () => {
      const { rows } = await database.database.executor.query<{ name: string; state: string }>(
        `select name, state from pgboss.job where name = any($1) and created_on >= $2::timestamptz and created_on < $2::timestamptz + interval '1 minute'
         union all
         select name, state from pgboss.archive where name = any($1) and created_on >= $2::timestamptz and created_on < $2::timestamptz + interval '1 minute'
         order by name`,
        [EVERY_MINUTE, tick.toISOString()],
      );
      return rows;
    };
    await waitFor(
      `the ${tick.toISOString()} runs of ${EVERY_MINUTE.join(' and ')}, completed`,
      async () => Date.now() >= settled && (await runs()).filter((r) => r.state === 'completed').length >= EVERY_MINUTE.length,
      settled - Date.now() + 30_000,
      500,
    );
    expect(await runs(), output()).toEqual(EVERY_MINUTE.map((name) => ({ name, state: 'completed' })));
    // Both schedulers were up the whole time: the single run is not one of them having died.
    for (const scheduler of [a, c]) {
      expect(scheduler.child.exitCode, output()).toBeNull();
      expect((await fetch(`${scheduler.baseUrl}/readyz`)).status).toBe(200);
    }
  });
});
