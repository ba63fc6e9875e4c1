import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { activeCustomersSharing, type CustomerKey } from '../customers/index.ts';
import { customerImportIssues as issues, customerImportKeys as keys, customerImports as imports } from './customer-import.tables.ts';

export type ImportRow = typeof imports.$inferSelect;
export type IssueInsert = Omit<typeof issues.$inferInsert, 'id' | 'importId' | 'phase'>;

export async function insertImport(db: Db, values: typeof imports.$inferInsert): Promise<ImportRow> {
  const [row] = await db.insert(imports).values(values).returning();
  return row;
}

export async function getImport(db: Db, id: string): Promise<ImportRow | null> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  return row ?? null;
}

export async function lockImport(db: Db, id: string): Promise<ImportRow | null> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id)).for('update');
  return row ?? null;
}

/** Moves an import on only from the status the caller expects: two clicks cannot start it twice. */
export async function setImport(db: Db, id: string, values: Partial<typeof imports.$inferInsert>, fromStatus?: string[]): Promise<boolean> {
  const rows = await db
    .update(imports)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(imports.id, id), fromStatus ? inArray(imports.status, fromStatus) : undefined))
    .returning({ id: imports.id });
  return rows.length > 0;
}

/** Adds to the running counts (one statement per batch, in the batch's transaction). */
export async function addCounts(db: Db, id: string, counts: Partial<Record<'processedRows' | 'validRows' | 'invalidRows' | 'createdCount' | 'updatedCount' | 'skippedCount' | 'failedCount', number>>, lastLine?: number) {
  const set: Record<string, SQL | number> = { updatedAt: sql`now()` };
  for (const [k, n] of Object.entries(counts)) if (n) set[k] = sql`${imports[k as keyof typeof counts]} + ${n}`;
  if (lastLine !== undefined) set.lastLine = lastLine;
  await db.update(imports).set(set).where(eq(imports.id, id));
}

export async function insertIssues(db: Db, importId: string, phase: 'preview' | 'import', rows: IssueInsert[]) {
  if (rows.length) await db.insert(issues).values(rows.map((r) => ({ ...r, importId, phase })));
}

/** Imports nobody finished (uploaded, previewed or failed, untouched for `days`): removed with their rows. */
export async function deleteStaleImports(db: Db, days: number): Promise<string[]> {
  const rows = await db
    .delete(imports)
    .where(and(inArray(imports.status, ['uploaded', 'ready', 'failed']), sql`${imports.updatedAt} < now() - make_interval(days => ${days})`))
    .returning({ id: imports.id });
  return rows.map((r) => r.id);
}

export async function clearPhase(db: Db, importId: string, phase: 'preview' | 'import') {
  await db.delete(issues).where(and(eq(issues.importId, importId), eq(issues.phase, phase)));
  if (phase === 'preview') await db.delete(keys).where(eq(keys.importId, importId));
}

export async function dropKeys(db: Db, importId: string) {
  await db.delete(keys).where(eq(keys.importId, importId));
}

const FIELDS: readonly { field: CustomerKey; key: SQL; label: string }[] = [
  { field: 'phone', key: sql.raw('k.phone'), label: 'phone' },
  { field: 'email', key: sql.raw('k.email'), label: 'e-mail' },
  { field: 'taxId', key: sql.raw('k.tax_id'), label: 'tax ID' },
];

/**
 * The de-duplication of the preview, set-based: a line whose value an earlier line has
 * (`file_duplicate`), and a line whose value an active customer has (`duplicate`). Returns how many
 * distinct lines each kind touches.
 */
export async function markDuplicates(db: Db, importId: string): Promise<{ file: number; existing: number }> {
  // Fresh staging rows have no statistics: without them PostgreSQL nests loops over a seq scan of
  // customers (measured: 14.5 s for 10,000 rows; 60 ms after ANALYZE).
  // Only the key columns: sampling the staged rows' jsonb would cost more than the whole query it helps.
  await db.execute(sql`analyze customer_import_keys (import_id, line, phone, email, tax_id)`);
  for (const f of FIELDS) {
    await db.execute(sql`insert into customer_import_issues (import_id, phase, line, kind, field, message, other_line)
      select ${importId}::uuid, 'preview', k.line, 'file_duplicate', ${f.field}, ${`Same ${f.label} as row `} || first_line, first_line
      from (select k.line, ${f.key} as v, min(k.line) over (partition by ${f.key}) as first_line
            from customer_import_keys k where k.import_id = ${importId}::uuid and ${f.key} is not null) k
      where k.line <> k.first_line`);
    const staged = sql`select line, phone, email, tax_id from customer_import_keys where import_id = ${importId}::uuid`;
    await db.execute(sql`insert into customer_import_issues (import_id, phase, line, kind, field, message, existing_id, existing_number, existing_name)
      select ${importId}::uuid, 'preview', m.line, 'duplicate', ${f.field}, ${`An active customer already has this ${f.label}: `} || m.number || ' (' || m.name || ')', m.id, m.number, m.name
      from (${activeCustomersSharing(staged, f.field)}) m`);
  }
  const [row] = (await db.execute<{ file: number; existing: number }>(sql`select
      count(distinct line) filter (where kind = 'file_duplicate')::int as file,
      count(distinct line) filter (where kind = 'duplicate')::int as existing
    from customer_import_issues where import_id = ${importId}::uuid and phase = 'preview'`)) as unknown as { file: number; existing: number }[];
  return row;
}

/** Lines of a range that repeat an earlier line of the file (always skipped). */
export async function fileDuplicateLines(db: Db, importId: string, from: number, to: number): Promise<Set<number>> {
  const rows = await db
    .selectDistinct({ line: issues.line })
    .from(issues)
    .where(and(eq(issues.importId, importId), eq(issues.phase, 'preview'), eq(issues.kind, 'file_duplicate'), sql`${issues.line} between ${from} and ${to}`));
  return new Set(rows.map((r) => r.line));
}

export interface IssueRow {
  id: number;
  line: number;
  kind: string;
  field: string | null;
  message: string;
  existingId: string | null;
  existingNumber: string | null;
  existingName: string | null;
  otherLine: number | null;
}

/** Issues of one phase in file order, keyset by (line, id). */
export async function listIssues(db: Db, importId: string, phase: string, after: [number, number] | undefined, limit: number, kind?: string): Promise<IssueRow[]> {
  return db
    .select({
      id: issues.id,
      line: issues.line,
      kind: issues.kind,
      field: issues.field,
      message: issues.message,
      existingId: issues.existingId,
      existingNumber: issues.existingNumber,
      existingName: issues.existingName,
      otherLine: issues.otherLine,
    })
    .from(issues)
    .where(
      and(
        eq(issues.importId, importId),
        eq(issues.phase, phase),
        kind ? eq(issues.kind, kind) : undefined,
        after ? sql`(${issues.line}, ${issues.id}) > (${after[0]}, ${after[1]})` : undefined,
      ),
    )
    .orderBy(asc(issues.line), asc(issues.id))
    .limit(limit);
}

/** One line per problem row of the report: the row number, its problems, the row as it was. */
export async function reportPage(db: Db, importId: string, phase: string, afterLine: number, limit: number) {
  return db
    .select({
      line: issues.line,
      problems: sql<string>`string_agg(coalesce(${issues.field} || ': ', '') || ${issues.message}, ' | ' order by ${issues.id})`,
      raw: sql<string[] | null>`(array_agg(${issues.raw}) filter (where ${issues.raw} is not null))[1]`,
    })
    .from(issues)
    .where(and(eq(issues.importId, importId), eq(issues.phase, phase), gt(issues.line, afterLine)))
    .groupBy(issues.line)
    .orderBy(asc(issues.line))
    .limit(limit);
}
