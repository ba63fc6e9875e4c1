import type { Db } from './database.ts';

/**
 * A statement whose SQL text Drizzle builds once per handle instead of on every call. Building a select
 * (walking the column objects, escaping names, collecting params) was a fifth of the main thread's time
 * on `GET /api/v1/me` under load (profiled with `npm run bench:profile`); the hot statements that every
 * request runs are worth preparing. The pool's handle lives as long as the app, so its statements are
 * built once; a transaction's handle is short-lived and builds its own (it must: a statement prepared on
 * the pool would run outside the transaction).
 *
 * `build` receives the handle and returns `query.prepare(name)`, with `sql.placeholder(...)` where the
 * values go; call the result with the handle and `.execute({ ... })` it.
 */
export function preparedPerHandle<Prepared extends object>(build: (db: Db) => Prepared): (db: Db) => Prepared {
  const byHandle = new WeakMap<Db, Prepared>();
  return (db) => {
    let prepared = byHandle.get(db);
    if (!prepared) {
      prepared = build(db);
      byHandle.set(db, prepared);
    }
    return prepared;
  };
}
