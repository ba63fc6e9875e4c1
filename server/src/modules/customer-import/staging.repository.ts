import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { recordEvent } from '../../platform/events/outbox.ts';
import { activeCustomersSharingAny, type BulkCustomer, bulkCustomer, createCustomersInBulk, type KeyMatch } from '../customers/index.ts';
import type { ValidRow } from './import-rows.ts';

/**
 * PLT-9 staged rows (customer_import_keys): the preview writes every data row once, validated; the
 * import then works set-based on them, one statement per step and batch, without parsing or
 * validating the file a second time. The customers themselves are written by the customers module
 * (createCustomersInBulk): this file only says which staged rows.
 */

/** Customer columns (database names), exactly what the create use case would insert, and the primary address. */
export type StagedData = BulkCustomer;

/** A validated row as it is staged. A column the import does not know how to write is a bug, not a silent loss. */
export function stagedData(row: ValidRow): StagedData {
  return bulkCustomer(row.values, row.address ?? null);
}

export interface StagedRow {
  line: number;
  phone: string | null;
  email: string | null;
  tax_id: string | null;
  raw: string[];
  data: StagedData | null;
}

/** One statement (one parameter) for a whole batch of rows. */
export async function stageRows(db: Db, importId: string, rows: StagedRow[]) {
  if (!rows.length) return;
  await db.execute(sql`insert into customer_import_keys (import_id, line, phone, email, tax_id, raw, data)
    select ${importId}::uuid, x.line, x.phone, x.email, x.tax_id, x.raw, x.data
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(line int, phone text, email text, tax_id text, raw jsonb, data jsonb)`);
}

/** After a new validation of staged rows (the preview's context changed): new keys and data, null when now invalid. */
export async function restageRows(db: Db, importId: string, rows: Omit<StagedRow, 'raw'>[]) {
  if (!rows.length) return;
  await db.execute(sql`update customer_import_keys k set phone = x.phone, email = x.email, tax_id = x.tax_id, data = x.data
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(line int, phone text, email text, tax_id text, data jsonb)
    where k.import_id = ${importId}::uuid and k.line = x.line`);
}

/** The next batch of staged lines after `afterLine`, each with whether the preview found it valid. */
export async function nextLines(db: Db, importId: string, afterLine: number, limit: number): Promise<{ line: number; valid: boolean }[]> {
  return (await db.execute(sql`select line, data is not null as valid from customer_import_keys
    where import_id = ${importId}::uuid and line > ${afterLine} order by line limit ${limit}`)) as unknown as { line: number; valid: boolean }[];
}

/** The rows as written in the file, for the lines given (the error report, a re-validation). */
export async function stagedRaw(db: Db, importId: string, lines: number[]): Promise<Map<number, string[]>> {
  if (!lines.length) return new Map();
  const rows = (await db.execute(sql`select line, raw from customer_import_keys
    where import_id = ${importId}::uuid and line = any(${`{${lines.join(',')}}`}::int[])`)) as unknown as { line: number; raw: string[] }[];
  return new Map(rows.map((r) => [r.line, r.raw]));
}

export type Match = KeyMatch;

/** Active customers sharing a phone, e-mail or tax ID with a staged line of the range: one query per batch, by the unique indexes. */
export async function activeMatches(db: Db, importId: string, from: number, to: number): Promise<Match[]> {
  return activeCustomersSharingAny(db, sql`select line, phone, email, tax_id from customer_import_keys where import_id = ${importId}::uuid and line between ${from} and ${to}`);
}

/** The preview's validation errors of a range, as the import's (the row problems did not change). */
export async function copyPreviewErrors(db: Db, importId: string, from: number, to: number) {
  await db.execute(sql`insert into customer_import_issues (import_id, phase, line, kind, field, message, raw)
    select import_id, 'import', line, kind, field, message, raw from customer_import_issues
    where import_id = ${importId}::uuid and phase = 'preview' and kind = 'error' and line between ${from} and ${to} order by line, id`);
}

/**
 * Creates the valid staged customers of a range (minus `exclude`) through the customers module, set-based:
 * numbers from the sequence in file order, the primary address, one 'imported' history row and one
 * `customer.created` event each, then one customers.imported event for the batch. A unique violation
 * (someone created the same phone/e-mail/tax ID since the check) fails the whole statement; the caller
 * then retries line by line.
 */
export async function createStaged(db: Db, p: { importId: string; from: number; to: number; exclude: number[]; actorId: string; fileName: string }): Promise<number> {
  const source = sql`select line, data, ${p.fileName}::text || ' row ' || line as origin from customer_import_keys
    where import_id = ${p.importId}::uuid and line between ${p.from} and ${p.to} and data is not null
      and line <> all(${`{${p.exclude.join(',')}}`}::int[])`;
  const created = await createCustomersInBulk(db, source, { actorId: p.actorId, importId: p.importId });
  if (created.length) await recordEvent(db, 'customers.imported', { importId: p.importId, customerIds: created.map((c) => c.id), actorId: p.actorId });
  return created.length;
}
