import { AsyncLocalStorage } from 'node:async_hooks';
import { drizzle, type PgRemoteDatabase } from 'drizzle-orm/pg-proxy';
import type { SqlExecutor, SqlSession } from './executor.ts';
/** A Drizzle handle: the pool outside a transaction, or one transaction's session inside it. */
export type Db = PgRemoteDatabase;

const sessions = new WeakMap<Db, SqlSession>();

function drizzleOver(session: SqlSession): Db {
  const db = drizzle(async (sql, params, method) => {
    const result = await session.query(sql, params, { rowMode: method === 'all' ? 'array' : 'object', rawDates: true });
    return { rows: result.rows };
  });
  sessions.set(db, session);
  return db;
}

/**
 * The raw session under a Drizzle handle: lets platform services that speak SQL text (pg-boss) write
 * in the caller's transaction, so a job is enqueued atomically with the use case's own writes.
 */
export function sessionOf(db: Db): SqlSession {
  const session = sessions.get(db);
  if (!session) throw new Error('Not a handle created by Database');
  return session;
}

interface OpenTransaction {
  db: Db;
  session: SqlSession;
  depth: number;
  /** Shared by the transaction and its savepoints: what runs once the outermost one commits. */
  committed: (() => void)[];
}

/** The app's database: Drizzle on top of either engine, with transactions that never interleave. */
export class Database {
  private readonly pool: Db;
  /** The transaction the current async call chain runs in, if any (see `transaction`). */
  private readonly open = new AsyncLocalStorage<OpenTransaction>();

  constructor(readonly executor: SqlExecutor) {
    this.pool = drizzleOver(executor);
  }

  /**
   * The pool, or — inside a transaction — that transaction's handle: a read through `ctx.database.db` in
   * code that runs within a transaction (a request answered atomically, platform/http/idempotency.ts)
   * sees that transaction's writes instead of waiting for it (PGlite) or missing them (PostgreSQL).
   */
  get db(): Db {
    return this.open.getStore()?.db ?? this.pool;
  }

  /** The session of the transaction the caller runs in, if any: for services that speak SQL text (pg-boss). */
  openSession(): SqlSession | undefined {
    return this.open.getStore()?.session;
  }

  /**
   * Runs fn once the caller's writes are committed: at once outside a transaction, after the outermost
   * commit inside one (never, if it rolls back). A use case emits its realtime notices after its own
   * transaction, but a request answered atomically (platform/http/idempotency.ts) wraps that in an outer
   * one, and a notice that left before the outer commit could announce a record that never existed.
   */
  afterCommit(fn: () => void): void {
    const open = this.open.getStore();
    if (open) open.committed.push(fn);
    else fn();
  }

  get kind() {
    return this.executor.kind;
  }

  /**
   * Runs fn in a transaction. Called inside one, it runs in a savepoint of it: the outer transaction
   * commits or rolls back everything, and fn's failure undoes only fn's writes.
   */
  transaction<T>(fn: (tx: Db, session: SqlSession) => Promise<T>): Promise<T> {
    const outer = this.open.getStore();
    if (outer) return this.savepoint(outer, fn);
    const committed: (() => void)[] = [];
    return this.executor
      .transaction((session) => {
        const db = drizzleOver(session);
        return this.open.run({ db, session, depth: 0, committed }, () => fn(db, session));
      })
      .then((result) => {
        for (const run of committed) runCommitted(run);
        return result;
      });
  }

  /**
   * Runs fn, which sends exactly ONE statement (a CTE that writes a record with its history and event,
   * say): atomic by itself, so outside a transaction it goes to the pool without BEGIN and COMMIT
   * (two round trips fewer, and on PGlite the engine is held for one statement instead of three);
   * inside one it runs in a savepoint, as `transaction` would, so its failure undoes only itself.
   * A second statement from fn throws before it is sent: it would not be atomic with the first.
   */
  single<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const outer = this.open.getStore();
    if (outer) return this.savepoint(outer, (tx) => fn(tx));
    let sent = 0;
    const once: SqlSession = {
      query: (sql, params, options) => {
        if (++sent > 1) return Promise.reject(new Error('Database.single: a second statement would not be atomic with the first'));
        return this.executor.query(sql, params, options);
      },
    };
    return fn(drizzleOver(once));
  }

  private async savepoint<T>(outer: OpenTransaction, fn: (tx: Db, session: SqlSession) => Promise<T>): Promise<T> {
    const depth = outer.depth + 1;
    const name = `sb_nested_${depth}`;
    await outer.session.query(`SAVEPOINT ${name}`);
    const mark = outer.committed.length;
    try {
      const result = await this.open.run({ ...outer, depth }, () => fn(outer.db, outer.session));
      await outer.session.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await outer.session.query(`ROLLBACK TO SAVEPOINT ${name}`);
      outer.committed.length = mark; // what the undone writes would have announced
      throw error;
    }
  }

  close(): Promise<void> {
    return this.executor.close();
  }
}

/** A notice that fails must not turn a committed write into an error for its caller, nor stop the others. */
function runCommitted(run: () => void): void {
  try {
    run();
  } catch (error) {
    process.emitWarning(error instanceof Error ? error : new Error(String(error)), 'AfterCommitFailed');
  }
}
