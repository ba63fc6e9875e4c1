import { getTableColumns, is, SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { customerNumberOf, withCompanyName } from './customers.repository.ts';
import { customers } from './customers.tables.ts';

/**
 * Customers created many at a time (PLT-9 import), set-based: the same columns, defaults, number
 * format, primary address and history as createCustomer, in one statement per batch. Other modules
 * hand in their rows as an SQL source and never write these tables themselves.
 */

/** The customer columns a bulk create may fill; the rest keep their column defaults. */
const WRITTEN = [
  'type', 'name', 'first_name', 'last_name', 'company_name', 'title', 'email', 'phone', 'mobile', 'tax_id', 'industry', 'employee_count',
  'annual_revenue', 'website', 'country', 'level', 'status', 'priority', 'source', 'tags', 'notes', 'next_contact_at', 'owner_id', 'team_id',
  'custom', 'created_by',
] as const;
const COLUMNS = Object.values(getTableColumns(customers));
const COLUMN_NAMES = new Map(Object.entries(getTableColumns(customers)).map(([key, column]) => [key, column.name]));
const WRITABLE = new Set<string>(WRITTEN);

/**
 * A value a row leaves out (or gives as null) of a NOT NULL column gets that column's own default
 * from customers.tables.ts, as a single insert would; the nullable columns stay null.
 */
const written = sql.join(
  WRITTEN.map((name) => {
    const column = COLUMNS.find((c) => c.name === name)!;
    if (!column.notNull || !column.hasDefault) return sql.raw(`r.${name}`);
    const fallback = is(column.default, SQL) ? column.default : sql`${column.default}::${sql.raw(column.getSQLType())}`;
    return sql`coalesce(${sql.raw(`r.${name}`)}, ${fallback})`;
  }),
  sql`, `,
);

/** One new customer as JSON: its column values (database names) and its primary address, if any. */
export interface BulkCustomer {
  v: Record<string, unknown>;
  a: { street?: string | null; city?: string | null; state?: string | null; postal_code?: string | null; country?: string | null } | null;
}

export interface BulkAddress {
  street?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

/**
 * A validated new customer (what createCustomer would insert) as a bulk create takes it. A column the
 * bulk create does not write is a bug, not a silent loss: it throws.
 */
export function bulkCustomer(values: Record<string, unknown>, address: BulkAddress | null): BulkCustomer {
  const v: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(withCompanyName(values as { name: string; type?: string; companyName?: string | null }))) {
    if (value === undefined) continue;
    const name = COLUMN_NAMES.get(key);
    if (!name || !WRITABLE.has(name)) throw new Error(`A bulk create does not write customers.${name ?? key}.`);
    v[name] = value;
  }
  const a = address;
  return { v, a: a ? { street: a.street, city: a.city, state: a.state, postal_code: a.postalCode, country: a.country } : null };
}

export interface BulkCreated {
  id: string;
  number: string;
  type: string;
  line: number;
}

/**
 * Creates the customers `source` yields — an SQL select of `line int, data jsonb (a BulkCustomer),
 * origin text` — in ONE statement: numbers from the sequence in line order, the primary address and
 * one history row each (`action`, with `origin` as the `import` change). A unique violation (the same
 * phone/e-mail/tax ID as an active customer) fails the whole statement. Returned in line order.
 */
export async function insertCustomersFrom(db: Db, source: SQL, p: { actorId: string; action: string }): Promise<BulkCreated[]> {
  const rows = (await db.execute(sql`with src as materialized (
      select gen_random_uuid() as id, s.line, s.data, s.origin, ${customerNumberOf(sql`s.n`)} as number
      from (select k.line, k.data, k.origin, nextval('customer_number_seq')::text as n
            from (select x.line, x.data, x.origin from (${source}) x order by x.line) k) s
    ), ins as (
      insert into customers (id, number, ${sql.raw(WRITTEN.join(', '))})
      select src.id, src.number, ${written} from src cross join lateral jsonb_populate_record(null::customers, src.data->'v') r
      returning id, type, status
    ), made as (
      select src.*, ins.type, ins.status from ins join src on src.id = ins.id
    ), addresses as (
      insert into customer_addresses (customer_id, kind, street, city, state, postal_code, country, is_primary)
      select made.id, 'office', a.street, a.city, a.state, a.postal_code, a.country, true
      from made cross join lateral jsonb_populate_record(null::customer_addresses, made.data->'a') a
      where jsonb_typeof(made.data->'a') = 'object'
    ), hist as (
      insert into history (entity_type, entity_id, actor_id, action, changes)
      select 'customer', made.id, ${p.actorId}::uuid, ${p.action}::text, jsonb_build_array(
        jsonb_build_object('field', 'number', 'from', null, 'to', made.number),
        jsonb_build_object('field', 'name', 'from', null, 'to', made.data->'v'->'name'),
        jsonb_build_object('field', 'status', 'from', null, 'to', made.status),
        jsonb_build_object('field', 'ownerId', 'from', null, 'to', made.data->'v'->'owner_id'),
        jsonb_build_object('field', 'import', 'from', null, 'to', made.origin))
      from made
    )
    select id, number, type, line from made order by line`)) as unknown as BulkCreated[];
  return [...rows];
}

/** How a key of a row to check meets an active customer's (e-mail: lower-case on both sides; the unique indexes serve each). */
const KEY_JOIN = {
  phone: sql.raw('c.phone = k.phone'),
  email: sql.raw('lower(c.email) = k.email'),
  taxId: sql.raw('c.tax_id = k.tax_id'),
} as const;
export type CustomerKey = keyof typeof KEY_JOIN;

/**
 * A select of the active customers sharing one key with the rows `keys` yields (`line int, phone text,
 * email text (lower-case), tax_id text`): columns `line, id, number, name`. For set-based duplicate
 * checks that write their findings in one statement (the import's preview).
 */
export function activeCustomersSharing(keys: SQL, key: CustomerKey): SQL {
  return sql`select k.line, c.id, c.number, c.name from (${keys}) k join customers c on ${KEY_JOIN[key]} and c.status <> 'INACTIVE'`;
}

export interface KeyMatch {
  line: number;
  id: string;
  number: string;
  name: string;
}

/** Active customers sharing a phone, e-mail or tax ID with the rows `keys` yields: one query, by line then number. */
export async function activeCustomersSharingAny(db: Db, keys: SQL): Promise<KeyMatch[]> {
  const each = (Object.keys(KEY_JOIN) as CustomerKey[]).map((key) => activeCustomersSharing(keys, key));
  return (await db.execute(sql`${sql.join(each, sql` union `)} order by line, number`)) as unknown as KeyMatch[];
}
