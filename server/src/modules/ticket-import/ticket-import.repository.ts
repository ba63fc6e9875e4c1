import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ticketImports } from './ticket-import.tables.ts';

// ── the uploaded file and its preview (ticket_imports) ──────────────────────────────────────
export type NewUpload = Pick<typeof ticketImports.$inferInsert, 'id' | 'ownerId' | 'fileName' | 'encoding' | 'delimiter' | 'headers' | 'sample' | 'records' | 'total'>;

/** Uploads, previews and commit markers older than a day are of no use to anyone: one statement, by the created_at index. */
export async function deleteOldImports(db: Db): Promise<void> {
  await db.delete(ticketImports).where(lt(ticketImports.createdAt, sql`now() - interval '1 day'`));
}

export async function insertUpload(db: Db, values: NewUpload): Promise<void> {
  await db.insert(ticketImports).values(values);
}

/** The upload as the mapping step and the preview read it (its records included). */
export async function getImport(db: Db, id: string) {
  const [row] = await db.select().from(ticketImports).where(eq(ticketImports.id, id));
  return row ?? null;
}

/** The preview's outcome, replacing an earlier one: the rows as the commit writes them, the problem rows shown. */
export async function savePreview(db: Db, id: string, values: { mapping: (string | null)[]; duplicateKey: string; valid: number; rows: unknown[]; errors: unknown[] }): Promise<void> {
  await db
    .update(ticketImports)
    .set({ ...values, previewedAt: sql`now()` })
    .where(eq(ticketImports.id, id));
}

/** The import, locked for the commit's transaction: two commits of one preview queue up here. */
export async function lockImport<Row>(db: Db, id: string) {
  const [row] = await db
    .select({
      ownerId: ticketImports.ownerId,
      committedAt: ticketImports.committedAt,
      previewedAt: ticketImports.previewedAt,
      total: ticketImports.total,
      valid: ticketImports.valid,
      rows: ticketImports.rows,
      ageSeconds: sql<number | null>`extract(epoch from now() - ${ticketImports.previewedAt})::float8`,
    })
    .from(ticketImports)
    .where(eq(ticketImports.id, id))
    .for('update');
  return row ? { ...row, rows: row.rows as Row[], ageSeconds: row.ageSeconds === null ? null : Number(row.ageSeconds) } : null;
}

/** What remains after the commit: the marker that refuses a second commit, and its answer (the file's rows are dropped). */
export async function markCommitted(db: Db, id: string, result: unknown): Promise<void> {
  await db.update(ticketImports).set({ committedAt: sql`now()`, rows: [], records: [], result }).where(eq(ticketImports.id, id));
}

/** The transaction's clock: every ticket of one commit is created at this instant (now() is fixed per transaction). */
export async function transactionNow(db: Db): Promise<Date> {
  const [row] = (await db.execute<{ now: string }>(sql`select now()::text as now`)) as unknown as { now: string }[];
  return new Date(row.now);
}
