import cronParser from 'cron-parser';
import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import { type Db, sessionOf } from '../db/database.ts';
import type { SqlExecutor, SqlSession } from '../db/executor.ts';
import { notFound, unprocessable } from '../http/errors.ts';
import { errorMessageOf, JOBS_SCHEMA, lastRuns, queuedCounts } from './jobs.repository.ts';

export interface JobRun {
  id: string;
  name: string;
  retryCount: number;
  retryLimit: number;
}

export interface JobDefinition<T = any> {
  /** Queue name: letters, digits, dots, dashes (`mail.send`). */
  name: string;
  description: string;
  /** Throwing fails the run; pg-boss retries it up to retryLimit times. */
  handler: (data: T, run: JobRun) => Promise<unknown>;
  /** Five-field cron expression in UTC; pg-boss fires each schedule once per cluster. */
  cron?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  /** Whether an admin may start it by hand with no data (cron jobs always may). */
  manual?: boolean;
}

export interface SendOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: Db;
  singletonKey?: string;
  /** A stable id makes a repeated send a no-op while the job is in the live table. */
  id?: string;
  startAfter?: Date;
}

export interface JobSummary {
  name: string;
  description: string;
  schedule: string | null;
  nextRunAt: Date | null;
  runnable: boolean;
  queued: number;
  lastRun: { id: string; state: string; startedAt: Date | null; completedAt: Date | null; error: string | null } | null;
}

const POLLING_SECONDS = 2;
const STOP_TIMEOUT_MS = 10_000;

function defined<T extends Record<string, unknown>>(o: T): T {
  // pg-boss asserts on keys that are present but undefined.
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const adapterOver = (session: SqlSession) => ({
  executeSql: (text: string, values?: unknown[]) => session.query(text, values ?? []),
});

/**
 * Background jobs over pg-boss, on PGlite and PostgreSQL alike: pg-boss runs its SQL through our
 * executor. Workers and schedules run only where `workers` is on; every process may enqueue.
 */
export class Jobs {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly workerIds = new Map<string, string[]>();
  /** Queues that got jobs inside a transaction, for wakeEnqueued after its commit. */
  private readonly enqueued = new Set<string>();
  private inflight = 0;
  private idleWaiters: (() => void)[] = [];
  private state: 'new' | 'starting' | 'started' | 'stopping' | 'stopped' = 'new';

  constructor(
    private readonly executor: SqlExecutor,
    private readonly log: FastifyBaseLogger,
    private readonly options: { workers: boolean; schedules: boolean },
    /** The transaction the caller runs in (Database.openSession): a send without `tx` joins it. */
    private readonly openSession: () => SqlSession | undefined = () => undefined,
  ) {
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => this.track(() => this.executor.query(text, values ?? [])) },
      schema: JOBS_SCHEMA,
      migrate: true,
      // Maintenance (expire, archive, purge) and cron are cluster-wide chores for worker processes.
      supervise: options.workers,
      schedule: options.workers && options.schedules,
    });
    this.boss.on('error', (error) => {
      if (this.state !== 'stopping' && this.state !== 'stopped') this.log.error({ err: error }, 'job queue error');
    });
  }

  define<T>(definition: JobDefinition<T>): void {
    if (this.state !== 'new') throw new Error(`Job ${definition.name} defined after start`);
    if (this.definitions.has(definition.name)) throw new Error(`Job ${definition.name} defined twice`);
    if (definition.cron) cronParser.parseExpression(definition.cron, { tz: 'UTC' });
    this.definitions.set(definition.name, definition);
  }

  /** Installs or migrates pg-boss's schema, creates the queues; with workers, also works and schedules them. */
  async start(): Promise<void> {
    if (this.state !== 'new') return;
    this.state = 'starting';
    await this.boss.start();
    for (const def of this.definitions.values()) {
      await this.boss.createQueue(def.name, defined({ name: def.name, retryLimit: def.retryLimit }));
    }
    if (this.options.workers) {
      for (const def of this.definitions.values()) {
        let id = '';
        id = await this.boss.work<any>(def.name, { pollingIntervalSeconds: POLLING_SECONDS, batchSize: 1, includeMetadata: true }, async ([job]) => {
          try {
            return await this.run(def, job);
          } finally {
            // pg-boss idles a full polling interval after each job; a queue with more waiting should not.
            if (id) this.boss.notifyWorker(id);
          }
        });
        this.workerIds.set(def.name, [id]);
        if (def.cron && this.options.schedules) await this.boss.schedule(def.name, def.cron, {}, { ...this.sendDefaults(def), tz: 'UTC' });
        else await this.boss.unschedule(def.name);
      }
    }
    this.state = 'started';
  }

  private async run(def: JobDefinition, job: PgBoss.JobWithMetadata<any>) {
    this.inflight++;
    try {
      return await def.handler(job.data ?? {}, { id: job.id, name: job.name, retryCount: job.retryCount, retryLimit: job.retryLimit });
    } catch (error) {
      this.log.warn({ err: error, job: def.name, jobId: job.id, attempt: job.retryCount + 1 }, 'job failed');
      throw error;
    } finally {
      this.settle();
    }
  }

  private sendDefaults(def: JobDefinition) {
    return defined({
      retryLimit: def.retryLimit,
      retryDelay: def.retryDelaySeconds,
      retryBackoff: def.retryBackoff,
      expireInSeconds: def.expireInSeconds,
    });
  }

  private definition(name: string): JobDefinition {
    const def = this.definitions.get(name);
    if (!def) throw notFound('job');
    return def;
  }

  /** Enqueues a job; with `tx`, atomically with the caller's writes (call afterCommit to wake workers). */
  async send(name: string, data: Record<string, unknown> = {}, options: SendOptions = {}): Promise<string | null> {
    const def = this.definition(name);
    const sendOptions: PgBoss.SendOptions = {
      ...this.sendDefaults(def),
      ...defined({ singletonKey: options.singletonKey, id: options.id, startAfter: options.startAfter }),
    };
    // Inside a transaction (a request answered atomically, platform/http/idempotency.ts) a send without
    // `tx` joins it too: pg-boss's own connection would wait for it (PGlite) or enqueue outside it.
    const session = options.tx ? sessionOf(options.tx) : this.openSession();
    if (session) sendOptions.db = adapterOver(session);
    const id = await this.boss.send(name, data, sendOptions);
    // pg-boss answers null both for a deduplicated send and for a queue that does not exist.
    if (!id && !options.singletonKey && !options.id) throw new Error(`Job ${name} was not enqueued (is the job service started?)`);
    if (!options.tx) this.wake(name);
    else this.enqueued.add(name);
    return id;
  }

  /**
   * Many jobs of one queue in ONE insert, inside `tx` (the outbox dispatcher's batch: one delivery per
   * event and subscriber). Each job's `id` (and `singletonKey`) makes sending it again a no-op, as
   * with `send`; the caller wakes the workers after the commit.
   */
  async sendMany(name: string, jobs: { data: Record<string, unknown>; id: string; singletonKey?: string }[], options: { tx: Db }): Promise<void> {
    if (!jobs.length) return;
    const defaults = this.sendDefaults(this.definition(name));
    const rows = jobs.map((job) => defined({ name, data: job.data, id: job.id, singletonKey: job.singletonKey, ...defaults }));
    await this.boss.insert(rows as PgBoss.JobInsert[], { db: adapterOver(sessionOf(options.tx)) });
    this.enqueued.add(name);
  }

  /** Starts a job by hand (admin "run now"); only jobs that need no data. */
  async runNow(name: string): Promise<string> {
    const def = this.definition(name);
    if (!def.cron && !def.manual) {
      throw unprocessable('job_not_runnable', `The job ${name} runs only when the system sends it work.`, [{ field: 'name', message: 'Not runnable by hand.' }]);
    }
    return (await this.send(name, {}))!;
  }

  /**
   * Wakes the workers of the queues that got jobs inside a transaction since the last call (the outbox
   * dispatcher calls it after each commit): waking every queue made each dispatch poll all of them, the
   * outbox's biggest cost under load. A queue whose transaction rolled back is woken for nothing.
   */
  wakeEnqueued(): void {
    const names = [...this.enqueued];
    this.enqueued.clear();
    if (names.length) this.wake(...names);
  }

  /** Makes this process's workers fetch at once instead of at their next poll. */
  wake(...names: string[]): void {
    const targets = names.length ? names : [...this.workerIds.keys()];
    for (const name of targets) for (const id of this.workerIds.get(name) ?? []) this.boss.notifyWorker(id);
  }

  async list(): Promise<JobSummary[]> {
    const defs = [...this.definitions.values()].sort((a, b) => a.name.localeCompare(b.name));
    const names = defs.map((d) => d.name);
    const [runs, queued] = await Promise.all([lastRuns(this.executor, names), queuedCounts(this.executor, names)]);
    const now = new Date();
    return defs.map((def) => {
      const run = runs.get(def.name);
      return {
        name: def.name,
        description: def.description,
        schedule: def.cron ?? null,
        nextRunAt: def.cron ? cronParser.parseExpression(def.cron, { tz: 'UTC', currentDate: now }).next().toDate() : null,
        runnable: Boolean(def.cron || def.manual),
        queued: queued.get(def.name) ?? 0,
        lastRun: run
          ? {
              id: run.id,
              state: run.state,
              startedAt: run.started_on,
              completedAt: run.completed_on,
              error: run.state === 'failed' || run.state === 'retry' ? errorMessageOf(run.output) : null,
            }
          : null,
      };
    });
  }

  /** Stops fetching, lets running handlers finish (bounded), and waits for pg-boss's last writes. */
  async stop(): Promise<void> {
    if (this.state === 'new' || this.state === 'stopped') {
      this.state = 'stopped';
      return;
    }
    this.state = 'stopping';
    await this.boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS }).catch((error) => this.log.warn({ err: error }, 'job queue stop'));
    await this.idle(STOP_TIMEOUT_MS);
    this.state = 'stopped';
  }

  // ── in-flight accounting: pg-boss completes jobs without awaiting; we wait for those writes ───
  private async track<T>(query: () => Promise<T>): Promise<T> {
    if (this.state === 'stopped') {
      // A handler that outlived the stop timeout now wants to record its outcome. pg-boss issues that
      // write without awaiting it, so a rejection here would be unhandled and kill the exiting
      // process before its cleanup. Write nothing instead: the job stays active, expires and is
      // retried by a live worker — the at-least-once delivery every handler is written for.
      this.log.warn('job queue stopped: a late job outcome is dropped; the job will expire and run again');
      return { rows: [], rowCount: 0, fields: [] } as T;
    }
    this.inflight++;
    try {
      return await query();
    } finally {
      this.settle();
    }
  }

  private settle() {
    this.inflight--;
    if (this.inflight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async idle(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    // A macrotask between checks lets a finished fetch hand its jobs to a handler before we look again.
    while (Date.now() < deadline) {
      if (this.inflight > 0) {
        await new Promise<void>((resolve) => {
          this.idleWaiters.push(resolve);
          setTimeout(resolve, Math.max(0, deadline - Date.now())).unref();
        });
        continue;
      }
      await new Promise((resolve) => setImmediate(resolve));
      if (this.inflight === 0) return;
    }
    this.log.warn({ inflight: this.inflight }, 'jobs still running at shutdown');
  }
}
