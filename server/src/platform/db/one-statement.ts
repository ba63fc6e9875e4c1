import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './database.ts';

/**
 * Several independent lookups in ONE statement (one round trip): each is a scalar subquery — a json
 * value, a boolean — and the answer is the one row of their values by name. A request that must check
 * a type, a customer and the field definitions before it writes asks once, not once per thing.
 */
export async function lookUpAtOnce<T extends Record<string, unknown>>(db: Db, lookups: { [K in keyof T]: SQL }): Promise<T> {
  const columns = Object.entries(lookups as Record<string, SQL>).map(([name, query]) => sql`${query} as ${sql.identifier(name)}`);
  const [row] = (await db.execute(sql`select ${sql.join(columns, sql`, `)}`)) as unknown as T[];
  return row;
}

/** The name under which `insertAlong`'s main insert is visible to the writes that go with it. */
export const WRITTEN = sql.raw('written');

/**
 * A record and what goes with it (history, the outbox event, a linked row) as ONE statement: the main
 * `insert … returning …` becomes the CTE `written`, each other write a data-modifying CTE that may
 * select from `written` (the sequence number the insert took, say), and the statement answers the
 * main insert's rows. One statement is atomic by itself, so it needs no BEGIN/COMMIT around it
 * (Database.single); the foreign keys between the rows are checked at its end.
 */
export async function insertAlong<R>(db: Db, main: SQL, alongside: SQL[]): Promise<R[]> {
  const ctes = alongside.map((write, i) => sql`, ${sql.raw(`w${i + 1}`)} as (${write})`);
  return (await db.execute(sql`with ${WRITTEN} as (${main})${sql.join(ctes, sql``)} select * from ${WRITTEN}`)) as unknown as R[];
}
