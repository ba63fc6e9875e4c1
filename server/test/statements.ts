import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlExecutor, SqlSession } from '../src/platform/db/executor.ts';
import type { Database } from '../src/platform/db/database.ts';

/** One statement a request sent to the database, as the executor received it. */
export interface RecordedStatement {
  sql: string;
  params: unknown[];
}

const request = new AsyncLocalStorage<RecordedStatement[]>();
/** The auth hook's session lookup and its occasional touch (identity's sessions table). */
const SESSION_CHECK = /\bfrom\s+"?sessions"?\s|\bupdate\s+"?sessions"?\s/i;

/** A statement's first words, for a readable failure: `insert into "tickets"`, `BEGIN`, `with written as (insert into "customers"`. */
export const headOf = (s: RecordedStatement) => s.sql.replace(/\s+/g, ' ').trim().slice(0, 60);

/**
 * Every statement `fn` sends to the database, in order, each a round trip: the executor's standalone
 * queries, every query of its transactions, and the transactions' own BEGIN and COMMIT/ROLLBACK (sent
 * by the executor, not through query(), so counted here by hand) — SAVEPOINTs go through the session
 * and are counted like any statement. Only work started from fn's own async context counts: the outbox
 * dispatcher and pg-boss run detached (their timers were set up outside it), so their polling and
 * delivery are not the request's. The one statement the auth hook sends for every request (the
 * session lookup, and its occasional touch) is left out too, so what remains is the endpoint's own SQL.
 * Used by the statement-count tests and by the `creates` benchmark (through app.inject, in-process).
 */
export async function recordStatements(t: { database: Database }, fn: () => Promise<unknown>): Promise<RecordedStatement[]> {
  const executor = t.database.executor as SqlExecutor;
  const own = { query: Object.hasOwn(executor, 'query'), transaction: Object.hasOwn(executor, 'transaction') };
  const original = { query: executor.query, transaction: executor.transaction };
  const seen: RecordedStatement[] = [];
  const note = (sql: string, params: unknown[] = []) => {
    const mine = request.getStore();
    if (mine && !SESSION_CHECK.test(sql)) mine.push({ sql, params });
  };
  executor.query = function (this: SqlExecutor, sql, params, options) {
    note(sql, params);
    return original.query.call(this, sql, params, options);
  } as SqlExecutor['query'];
  executor.transaction = function <T>(this: SqlExecutor, fn: (session: SqlSession) => Promise<T>) {
    note('BEGIN');
    return original.transaction
      .call(this, (session: SqlSession) => {
        const counted: SqlSession = { query: (sql, params, options) => (note(sql, params), session.query(sql, params, options)) };
        return fn(counted) as Promise<T>;
      })
      .then(
        (result) => (note('COMMIT'), result as T),
        (error: unknown) => {
          note('ROLLBACK');
          throw error;
        },
      );
  } as SqlExecutor['transaction'];
  try {
    // Awaited inside the run: a lazy thenable (a Drizzle query, an inject chain) starts only when awaited.
    await request.run(seen, async () => {
      await fn();
    });
  } finally {
    const restorable = executor as Partial<SqlExecutor>;
    if (own.query) executor.query = original.query;
    else delete restorable.query;
    if (own.transaction) executor.transaction = original.transaction;
    else delete restorable.transaction;
  }
  return seen;
}
