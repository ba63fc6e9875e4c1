/**
 * Issue 10, item 8, at process level: creates in flight when the server is killed (-9), retried by the
 * client with their Idempotency-Keys after the restart, leave exactly one record each — including those
 * that committed but whose answer never left the process.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/harness.ts';
import { onPostgres, seededDataDir, ServerProcess, Session, tempDir } from '../../db/__tests__/processes.ts';

const REQUESTS = 192;
const CONCURRENCY = 16;
/** Killed once this many creates have been answered: the rest are queued, running, or committed unanswered. */
const KILL_AFTER_ANSWERS = 48;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function environment(): Promise<{ dataDir: string; env: Record<string, string> }> {
  if (!onPostgres()) {
    const dataDir = seededDataDir();
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    return { dataDir, env: {} };
  }
  const database = await createTestDatabase();
  const dataDir = tempDir();
  cleanups.push(() => database.drop(), () => fs.rmSync(dataDir, { recursive: true, force: true }));
  await database.database.close();
  return { dataDir, env: { DATABASE_URL: database.url! } };
}

async function started(dataDir: string, env: Record<string, string>) {
  const server = await ServerProcess.start(dataDir, env);
  cleanups.push(async () => {
    server.child.kill('SIGKILL');
    await server.exited;
  });
  await server.waitReady();
  return server;
}

describe('Idempotency-Key across kill -9', () => {
  it('retried after a crash, every create exists once and each retry answers 201', { timeout: 240_000 }, async () => {
    const { dataDir, env } = await environment();
    const first = await started(dataDir, env);
    const session = await first.login();
    const stamp = randomUUID().slice(0, 8);
    const creates = Array.from({ length: REQUESTS }, (_, i) => ({ key: randomUUID(), body: { fullName: `Crash ${stamp} ${String(i).padStart(3, '0')}` } }));
    const post = (s: Session, i: number) => s.request('POST', '/api/v1/customers', creates[i].body, { 'idempotency-key': creates[i].key });

    const answers = new Map<number, { status: number; id?: string }>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < REQUESTS && first.child.exitCode === null && first.child.signalCode === null) {
        const i = next++;
        try {
          const response = await post(session, i);
          answers.set(i, { status: response.status, id: response.body?.id });
          if (answers.size >= KILL_AFTER_ANSWERS && !killed) {
            killed = true;
            // A moment later, not at an answer: the other workers' requests are then mid-way, some committed.
            setTimeout(() => first.child.kill('SIGKILL'), 3 + Math.floor(Math.random() * 10));
          }
        } catch {
          /* no answer: the process died with this request in flight */
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await first.exited;
    expect([...answers.values()].every((a) => a.status === 201)).toBe(true);

    const second = await started(dataDir, env);
    const again = new Session(second.baseUrl, session.cookie, session.csrfToken);
    // The client retries everything it sent, answered or not, with the same keys: nothing may double.
    const retried = new Map<number, { status: number; id: string; replayed: boolean }>();
    for (let i = 0; i < REQUESTS; i++) {
      const response = await post(again, i);
      retried.set(i, { status: response.status, id: response.body.id, replayed: response.headers.get('idempotent-replayed') === 'true' });
    }
    expect([...retried.values()].filter((r) => r.status !== 201)).toEqual([]);
    // An answered create replays its first answer: the same record.
    for (const [i, answer] of answers) expect(retried.get(i)).toMatchObject({ id: answer.id, replayed: true });

    const listed = await again.request('GET', `/api/v1/customers?q=${encodeURIComponent(`Crash ${stamp}`)}&limit=200`);
    expect(listed.status).toBe(200);
    const names = (listed.body.items as { name: string }[]).map((c) => c.name).sort();
    expect(names).toEqual(creates.map((c) => c.body.fullName).sort()); // each exactly once
    const committedUnanswered = [...retried.entries()].filter(([i, r]) => r.replayed && !answers.has(i)).length;
    console.info(`kill -9 after ${answers.size} answers: ${committedUnanswered} creates had committed without an answer; each was replayed, none doubled`);
  });
});
