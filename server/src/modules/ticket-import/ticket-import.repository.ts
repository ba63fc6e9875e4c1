import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ticketImports } from './ticket-import.tables.ts';

// ── the stored preview (ticket_imports) ──────────────────────────────────────────────────────
export interface NewImport {
  id: string;
  ownerId: string;
  total: number;
  valid: number;
  rows: unknown[];
  errors: unknown[];
}

/** Previews and commit markers older than a day are of no use to anyone: one statement, by the created_at index. */
export async function deleteOldImports(db: Db): Promise<void> {
  await db.delete(ticketImports).where(lt(ticketImports.createdAt, sql`now() - interval '1 day'`));
}

export async function insertImport(db: Db, values: NewImport): Promise<void> {
  await db.insert(ticketImports).values(values);
}

/** The import, locked for the commit's transaction: two commits of one preview queue up here. */
export async function lockImport<Row>(db: Db, id: string) {
  const [row] = await db
    .select({
      ownerId: ticketImports.ownerId,
      committedAt: ticketImports.committedAt,
      total: ticketImports.total,
      valid: ticketImports.valid,
      rows: ticketImports.rows,
      ageSeconds: sql<number>`extract(epoch from now() - ${ticketImports.createdAt})::float8`,
    })
    .from(ticketImports)
    .where(eq(ticketImports.id, id))
    .for('update');
  return row ? { ...row, rows: row.rows as Row[], ageSeconds: Number(row.ageSeconds) } : null;
}

/** What remains after the commit: the marker that refuses a second commit, and its answer (the rows are dropped). */
export async function markCommitted(db: Db, id: string, result: unknown): Promise<void> {
  await db.update(ticketImports).set({ committedAt: sql`now()`, rows: [], result }).where(eq(ticketImports.id, id));
}

/** The transaction's clock: every ticket of one commit is created at this instant (now() is fixed per transaction). */
export async function transactionNow(db: Db): Promise<Date> {
  const [row] = (await db.execute<{ now: string }>(sql`select now()::text as now`)) as unknown as { now: string }[];
  return new Date(row.now);
}
