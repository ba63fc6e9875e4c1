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

/** The app's database: Drizzle on top of either engine, with transactions that never interleave. */
export class Database {
  readonly db: Db;

  constructor(readonly executor: SqlExecutor) {
    this.db = drizzleOver(executor);
  }

  get kind() {
    return this.executor.kind;
  }

  transaction<T>(fn: (tx: Db, session: SqlSession) => Promise<T>): Promise<T> {
    return this.executor.transaction((session) => fn(drizzleOver(session), session));
  }

  close(): Promise<void> {
    return this.executor.close();
  }
}
