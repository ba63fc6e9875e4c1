import { AsyncLocalStorage } from 'node:async_hooks';
import { Worker } from 'node:worker_threads';
import { PGLITE_WORKER } from '../../paths.ts';
import type { QueryOptions, QueryResult, SqlExecutor, SqlSession } from './executor.ts';
import { Mutex } from './mutex.ts';
import type { WorkerOpen } from './pglite-worker.ts';

/** An error carrying PostgreSQL's fields (code, constraint, …) across the worker boundary. */
export class DatabaseError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
  constructor(fields: Record<string, any>) {
    super(fields.message);
    this.name = 'DatabaseError';
    Object.assign(this, fields);
  }
}

/**
 * PGlite runs PostgreSQL in single-user mode, which has no checkpointer: without one, a crash replays
 * every WAL record since the start, and a restart after `kill -9` under load took 16–19 s. A checkpoint
 * between transactions bounds the replay to this interval's writes.
 */
const CHECKPOINT_EVERY_MS = 15_000;
/** Young generation of the PGlite worker's V8 heap (measured: 18 MB less idle RSS than the default, same throughput). */
const WORKER_YOUNG_GENERATION_MB = 4;

interface Pending {
  resolve: (value: any) => void;
  reject: (error: Error) => void;
}

/**
 * PGlite in a worker thread behind a FIFO mutex. PGlite has a single session, so a transaction takes
 * the mutex from BEGIN to COMMIT and every standalone query takes it for its own statement: concurrent
 * requests' transactions can never interleave.
 */
export class PgliteExecutor implements SqlExecutor {
  readonly kind = 'pglite' as const;
  private readonly mutex = new Mutex();
  private readonly pending = new Map<number, Pending>();
  private readonly insideTransaction = new AsyncLocalStorage<boolean>();
  private nextId = 1;
  private closed = false;
  private sentSinceCheckpoint = false;
  private readonly checkpoints: NodeJS.Timeout;

  private constructor(private readonly worker: Worker, checkpointEveryMs: number) {
    this.checkpoints = setInterval(() => void this.checkpoint(), checkpointEveryMs).unref();
    worker.on('message', (message: any) => {
      if (message.id === undefined) return;
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new DatabaseError(message.error));
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => this.failAll(new Error('PGlite worker exited')));
  }

  static async open({ checkpointEveryMs = CHECKPOINT_EVERY_MS, ...options }: WorkerOpen & { checkpointEveryMs?: number }): Promise<PgliteExecutor> {
    const worker = new Worker(PGLITE_WORKER, {
      workerData: options,
      // The worker only relays statements and results; V8's default young generation (tens of MB) sat
      // mostly empty in its heap. Larger results go to old space, which keeps its default limit.
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: any) => {
        if (message.ready === undefined) return;
        worker.off('message', onMessage);
        if (message.ready) resolve();
        else reject(new DatabaseError(message.error));
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return new PgliteExecutor(worker, checkpointEveryMs);
  }

  private failAll(error: Error) {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  private send<T>(message: Record<string, unknown>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('database is closed'));
    this.sentSinceCheckpoint = true;
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  private rawQuery(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<QueryResult> {
    return this.send({ op: 'query', sql, params, rowMode: options.rowMode, rawDates: options.rawDates });
  }

  private async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.insideTransaction.getStore()) {
      // Waiting for the mutex we already hold would hang forever; fail loudly instead.
      throw new Error('A query outside the open transaction was issued from inside it (use the transaction session)');
    }
    const release = await this.mutex.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  query<R = any>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<R>> {
    // Without parameters, several statements may be sent at once (pg-boss does): simple protocol.
    return this.exclusive(() => this.rawQuery(sql, params, options));
  }

  exec(sql: string): Promise<void> {
    return this.exclusive(() => this.send({ op: 'exec', sql }));
  }

  transaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.send({ op: 'exec', sql: 'BEGIN' });
      const session: SqlSession = { query: (sql, params, options) => this.rawQuery(sql, params, options) };
      try {
        const result = await this.insideTransaction.run(true, () => fn(session));
        await this.send({ op: 'exec', sql: 'COMMIT' });
        return result;
      } catch (error) {
        await this.send({ op: 'exec', sql: 'ROLLBACK' }).catch(() => undefined);
        throw error;
      }
    });
  }

  /** Flushes what changed since the last one (an idle database is left alone). */
  private async checkpoint(): Promise<void> {
    if (!this.sentSinceCheckpoint || this.closed) return;
    await this.exclusive(async () => {
      if (this.closed) return;
      await this.send({ op: 'exec', sql: 'CHECKPOINT' });
      this.sentSinceCheckpoint = false;
    }).catch(() => undefined); // closing meanwhile; the next one, or the clean shutdown, checkpoints
  }

  /** A consistent gzip'd tarball of the data directory, taken between transactions. */
  dump(): Promise<Uint8Array> {
    return this.exclusive(() => this.send({ op: 'dump' }));
  }

  get queueLength(): number {
    return this.mutex.queued;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.checkpoints);
    await this.exclusive(() => this.send({ op: 'close' }));
    this.closed = true;
    await this.worker.terminate();
  }
}
