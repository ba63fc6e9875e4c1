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

/*
 * Writing a record with what goes with it in ONE statement has no helper here: the writer's repository
 * makes its insert a data-modifying CTE named after its table (`with "tickets" as (insert … returning *)`),
 * adds the other writes as further CTEs that select from it (history: audit/history.ts historyInsert;
 * the event: events/outbox.ts eventInsert), and selects its detail columns from it — see
 * tickets.repository insertTicketReturningDetail. One statement is atomic by itself: Database.single
 * sends it without BEGIN/COMMIT, and the foreign keys between its rows are checked at its end.
 */
