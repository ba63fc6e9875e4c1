import { getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { customers } from '../customers/index.ts';
import type { ValidRow } from './import-rows.ts';

/**
 * PLT-9 staged rows (customer_import_keys): the preview writes every data row once, validated; the
 * import then works set-based on them, one statement per step and batch, without parsing or
 * validating the file a second time.
 */

/** The customer columns an imported row may fill; the rest keep their column defaults. */
const WRITTEN = [
  'type', 'name', 'first_name', 'last_name', 'company_name', 'title', 'email', 'phone', 'mobile', 'tax_id', 'industry', 'employee_count',
  'annual_revenue', 'website', 'country', 'level', 'status', 'priority', 'source', 'tags', 'notes', 'next_contact_at', 'owner_id', 'team_id',
  'custom', 'created_by',
] as const;
/** A key a row leaves out gets what the column default would give (the NOT NULL ones; the others default to null). */
const DEFAULTS: Partial<Record<(typeof WRITTEN)[number], string>> = {
  type: `'company'`, level: `'normal'`, status: `'LEAD'`, priority: `'MEDIUM'`, tags: `'{}'::text[]`, custom: `'{}'::jsonb`,
};
const COLUMN_NAMES = new Map(Object.entries(getTableColumns(customers)).map(([key, column]) => [key, column.name]));
const WRITABLE = new Set<string>(WRITTEN);

export interface StagedData {
  /** Customer columns (database names), exactly what the create use case would insert. */
  v: Record<string, unknown>;
  a: { street?: string | null; city?: string | null; state?: string | null; postal_code?: string | null; country?: string | null } | null;
}

/** A validated row as it is staged. A column the import does not know how to write is a bug, not a silent loss. */
export function stagedData(row: ValidRow): StagedData {
  const v: Record<string, unknown> = {};
  const values = { ...row.values, companyName: row.values.companyName ?? (row.values.type === 'company' ? row.values.name : null) };
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const name = COLUMN_NAMES.get(key);
    if (!name || !WRITABLE.has(name)) throw new Error(`The import does not write customers.${name ?? key}.`);
    v[name] = value;
  }
  const a = row.address;
  return { v, a: a ? { street: a.street, city: a.city, state: a.state, postal_code: a.postalCode, country: a.country } : null };
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

export interface Match {
  line: number;
  id: string;
  number: string;
  name: string;
}

/** Active customers sharing a phone, e-mail or tax ID with a staged line of the range: one query per batch, by the unique indexes. */
export async function activeMatches(db: Db, importId: string, from: number, to: number): Promise<Match[]> {
  const range = sql`k.import_id = ${importId}::uuid and k.line between ${from} and ${to} and c.status <> 'INACTIVE'`;
  return (await db.execute(sql`select k.line, c.id, c.number, c.name from customer_import_keys k join customers c on c.phone = k.phone where ${range}
    union select k.line, c.id, c.number, c.name from customer_import_keys k join customers c on lower(c.email) = k.email where ${range}
    union select k.line, c.id, c.number, c.name from customer_import_keys k join customers c on c.tax_id = k.tax_id where ${range}
    order by line, number`)) as unknown as Match[];
}

/** The preview's validation errors of a range, as the import's (the row problems did not change). */
export async function copyPreviewErrors(db: Db, importId: string, from: number, to: number) {
  await db.execute(sql`insert into customer_import_issues (import_id, phase, line, kind, field, message, raw)
    select import_id, 'import', line, kind, field, message, raw from customer_import_issues
    where import_id = ${importId}::uuid and phase = 'preview' and kind = 'error' and line between ${from} and ${to} order by line, id`);
}

/**
 * Creates the valid staged customers of a range (minus `exclude`) in one statement: numbers from the
 * sequence in file order, the primary address, one 'imported' history row each and one
 * customers.imported event. A unique violation (someone created the same phone/e-mail/tax ID since
 * the check) fails the whole statement; the caller then retries line by line.
 */
export async function createStaged(db: Db, p: { importId: string; from: number; to: number; exclude: number[]; actorId: string; fileName: string }): Promise<number> {
  const cols = sql.raw(WRITTEN.join(', '));
  const select = sql.raw(WRITTEN.map((c) => (DEFAULTS[c] ? `coalesce(r.${c}, ${DEFAULTS[c]})` : `r.${c}`)).join(', '));
  const rows = (await db.execute(sql`with src as materialized (
      select gen_random_uuid() as id, s.line, s.data,
        'CUST-' || to_char(now() at time zone 'utc', 'YYYY') || '-' || lpad(s.n, greatest(6, length(s.n)), '0') as number
      from (select k.line, k.data, nextval('customer_number_seq')::text as n
            from (select line, data from customer_import_keys
                  where import_id = ${p.importId}::uuid and line between ${p.from} and ${p.to} and data is not null
                    and line <> all(${`{${p.exclude.join(',')}}`}::int[])
                  order by line) k) s
    ), ins as (
      insert into customers (id, number, ${cols})
      select src.id, src.number, ${select} from src cross join lateral jsonb_populate_record(null::customers, src.data->'v') r
      returning id
    ), made as (
      select src.* from ins join src on src.id = ins.id
    ), addresses as (
      insert into customer_addresses (customer_id, kind, street, city, state, postal_code, country, is_primary)
      select made.id, 'office', a.street, a.city, a.state, a.postal_code, a.country, true
      from made cross join lateral jsonb_populate_record(null::customer_addresses, made.data->'a') a
      where jsonb_typeof(made.data->'a') = 'object'
    ), hist as (
      insert into history (entity_type, entity_id, actor_id, action, changes)
      select 'customer', made.id, ${p.actorId}::uuid, 'imported', jsonb_build_array(
        jsonb_build_object('field', 'number', 'from', null, 'to', made.number),
        jsonb_build_object('field', 'name', 'from', null, 'to', made.data->'v'->'name'),
        jsonb_build_object('field', 'status', 'from', null, 'to', coalesce(made.data->'v'->'status', '"LEAD"'::jsonb)),
        jsonb_build_object('field', 'ownerId', 'from', null, 'to', made.data->'v'->'owner_id'),
        jsonb_build_object('field', 'import', 'from', null, 'to', ${p.fileName}::text || ' row ' || made.line))
      from made
    ), event as (
      insert into outbox (event, payload)
      select 'customers.imported', jsonb_build_object('importId', ${p.importId}::text, 'customerIds', jsonb_agg(made.id order by made.line), 'actorId', ${p.actorId}::text)
      from made having count(*) > 0
    )
    select count(*)::int as created from made`)) as unknown as { created: number }[];
  return rows[0].created;
}
