import type { SqlSession } from '../db/executor.ts';

/** Reads pg-boss's own tables (schema `pgboss`) for the admin jobs page; pg-boss writes them. */
export const JOBS_SCHEMA = 'pgboss';

export interface JobRunRow {
  id: string;
  name: string;
  state: string;
  started_on: Date | null;
  completed_on: Date | null;
  output: unknown;
}

const lastRunSql = (table: 'job' | 'archive') => `
  select distinct on (name) id, name, state::text as state, started_on, completed_on, output
  from ${JOBS_SCHEMA}.${table}
  where name = any($1::text[]) and started_on is not null
  order by name, started_on desc`;

/**
 * The latest started run of each queue. Finished jobs move to the archive table after a while, so
 * only the queues with nothing in the live table are looked up there.
 */
export async function lastRuns(db: SqlSession, names: string[]): Promise<Map<string, JobRunRow>> {
  const found = new Map<string, JobRunRow>();
  if (!names.length) return found;
  for (const row of (await db.query<JobRunRow>(lastRunSql('job'), [names])).rows) found.set(row.name, row);
  const missing = names.filter((n) => !found.has(n));
  if (missing.length) {
    for (const row of (await db.query<JobRunRow>(lastRunSql('archive'), [missing])).rows) found.set(row.name, row);
  }
  return found;
}

/** Jobs waiting to run (created, or waiting for a retry), per queue. */
export async function queuedCounts(db: SqlSession, names: string[]): Promise<Map<string, number>> {
  if (!names.length) return new Map();
  const { rows } = await db.query<{ name: string; n: number }>(
    `select name, count(*)::int as n from ${JOBS_SCHEMA}.job where name = any($1::text[]) and state < 'active' group by name`,
    [names],
  );
  return new Map(rows.map((r) => [r.name, Number(r.n)]));
}

/** pg-boss stores a failure as the serialised error (or `{ value: { message } }` for a timeout). */
export function errorMessageOf(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const o = output as { message?: unknown; value?: { message?: unknown } };
  if (typeof o.message === 'string') return o.message;
  if (o.value && typeof o.value === 'object' && typeof o.value.message === 'string') return o.value.message;
  return null;
}
