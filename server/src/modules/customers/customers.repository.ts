import { and, asc, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { activeStaffIds, isActiveStaffSql, isActiveTeam, isActiveTeamSql, teamRef, userRef } from '../identity/index.ts';
import { definitionsJson } from '../../platform/custom-fields/custom-fields.repository.ts';
import type { CustomFieldDefinition } from '../../platform/custom-fields/custom-fields.ts';
import { lookUpAtOnce } from '../../platform/db/one-statement.ts';
import { exactTimestamp } from '../../platform/db/keyset.ts';
import { compiledSelect } from '../../platform/db/rows.ts';
import { CUSTOMER_NUMBER, CUSTOMER_NUMBER_PREFIX, namesCustomerNumber } from '../../platform/http/common-schemas.ts';
import { customerAddresses, customers } from './customers.tables.ts';

/**
 * CUST-YYYY-NNNNNN: the one format of a customer number, as SQL over a value of customer_number_seq
 * (`n`, text; a column, since it is used twice): the year of the transaction in UTC, at least six digits.
 */
export const customerNumberOf = (n: SQL) => sql<string>`${sql.raw(`'${CUSTOMER_NUMBER_PREFIX}'`)} || to_char(now() at time zone 'utc', 'YYYY') || '-' || lpad(${n}, greatest(6, length(${n})), '0')`;

/** CUST-YYYY-NNNNNN from the sequence: unique even under concurrent creation. */
export async function nextCustomerNumber(db: Db): Promise<string> {
  return (await nextCustomerNumbers(db, 1))[0];
}

/** n numbers at once for bulk inserts: one round trip, same format. */
export async function nextCustomerNumbers(db: Db, n: number): Promise<string[]> {
  if (n <= 0) return [];
  const rows = (await db.execute<{ number: string }>(
    sql`select ${customerNumberOf(sql`s.n`)} as number from (select nextval('customer_number_seq')::text as n from generate_series(1, ${n}::int)) s`,
  )) as unknown as { number: string }[];
  return rows.map((r) => r.number);
}

/** A company's name is also its company name (unless one is given). */
export function withCompanyName<V extends { name: string; type?: string; companyName?: string | null }>(values: V): V & { companyName: string | null } {
  return { ...values, companyName: values.companyName ?? (values.type === 'company' ? values.name : null) };
}

/** Inserts with a fresh number; a company's name is also its company name. */
/**
 * A new customer, the writes that go with it (addresses, history, event, other modules' rows) and the
 * record as writtenCustomer reads it (with its addresses), in ONE statement: the insert (the number
 * from the sequence inside it, every column returned) is the CTE `customers`, so the record's columns
 * — written for the table of that name — read the row just written, and its addresses are the rows
 * the addresses' insert returned, in listAddresses' order; `alongside` select from it
 * (`${NEW_CUSTOMER}.number`). The caller gives the id, so the rows that reference it need no CTE.
 */
export async function insertCustomerReturningRecord(db: Db, values: Omit<typeof customers.$inferInsert, 'number'> & { id: string }, addresses: Omit<typeof customerAddresses.$inferInsert, 'customerId'>[], alongside: SQL[]) {
  const number = sql`(select ${customerNumberOf(sql`s.n`)} from (select nextval('customer_number_seq')::text as n) s)`;
  const written = db.$with('customers', { id: customers.id }).as(db.insert(customers).values({ ...withCompanyName(values), number }).returning().getSQL());
  const inserted = addresses.length
    ? [db.$with('new_addresses', { id: customerAddresses.id }).as(db.insert(customerAddresses).values(addresses.map((a) => ({ ...a, customerId: values.id }))).returning().getSQL())]
    : [];
  const writes = alongside.map((write, i) => db.$with(`w${i + 1}`, {}).as(write));
  const list = inserted.length
    ? sql<AddressRow[]>`(select coalesce(json_agg(${addressJson(sql.raw('a'))} order by a.is_primary desc, a.created_at, a.id), '[]'::json) from new_addresses a)`
    : sql<AddressRow[]>`'[]'::json`;
  const [row] = await db.with(written, ...inserted, ...writes).select({ ...customerColumns, addresses: list }).from(written).where(eq(customers.id, values.id));
  if (!row) throw new Error('the customer just inserted was not returned');
  const { addresses: rows, ...customer } = row;
  return { customer, addresses: rows };
}

/** What `alongside` writes of insertCustomerReturningRecord select the new customer's row from. */
export const NEW_CUSTOMER = sql.raw('customers');

/** An address row as json with addressColumns' keys. */
const addressJson = (a: SQL) => sql`json_build_object('id', ${a}.id, 'kind', ${a}.kind, 'street', ${a}.street, 'city', ${a}.city, 'state', ${a}.state,
  'postalCode', ${a}.postal_code, 'country', ${a}.country, 'isPrimary', ${a}.is_primary)`;

/** What POST /customers checks before it writes, in ONE statement (null: not asked). */
export interface NewCustomerFacts {
  definitions: CustomFieldDefinition[];
  duplicates: Duplicate[];
  ownerActive: boolean | null;
  teamActive: boolean | null;
}

/** The custom field definitions, the active holders of the same phone/e-mail/tax ID, and the owner and team named. */
export async function lookUpNewCustomer(db: Db, values: DuplicateValues, v: { ownerId?: string | null; teamId?: string | null }): Promise<NewCustomerFacts> {
  const none = sql`null`;
  const found = await lookUpAtOnce<Omit<NewCustomerFacts, 'duplicates'> & { holders: Holder[] }>(db, {
    definitions: definitionsJson('customer'),
    holders: duplicatesJson(values),
    ownerActive: v.ownerId ? isActiveStaffSql(sql`${v.ownerId}::uuid`) : none,
    teamActive: v.teamId ? isActiveTeamSql(v.teamId) : none,
  });
  return { definitions: found.definitions, duplicates: duplicatesAmong(found.holders, values), ownerActive: found.ownerActive, teamActive: found.teamActive };
}

export async function insertCustomer(db: Db, values: Omit<typeof customers.$inferInsert, 'number'>) {
  const number = await nextCustomerNumber(db);
  const [row] = await db.insert(customers).values({ ...withCompanyName(values), number }).returning({ id: customers.id, number: customers.number });
  return row;
}

const outerOwner = sql.raw('"customers"."owner_id"');
const outerTeam = sql.raw('"customers"."team_id"');

export const customerColumns = {
  id: customers.id,
  number: customers.number,
  type: customers.type,
  name: customers.name,
  firstName: customers.firstName,
  lastName: customers.lastName,
  companyName: customers.companyName,
  title: customers.title,
  email: customers.email,
  phone: customers.phone,
  mobile: customers.mobile,
  taxId: customers.taxId,
  industry: customers.industry,
  employeeCount: customers.employeeCount,
  annualRevenue: customers.annualRevenue,
  website: customers.website,
  country: customers.country,
  level: customers.level,
  status: customers.status,
  priority: customers.priority,
  source: customers.source,
  tags: customers.tags,
  ownerId: customers.ownerId,
  teamId: customers.teamId,
  owner: userRef(outerOwner),
  team: teamRef(outerTeam),
  notes: customers.notes,
  lastContactAt: customers.lastContactAt,
  nextContactAt: customers.nextContactAt,
  totalValue: customers.totalValue,
  lifetimeValue: customers.lifetimeValue,
  custom: customers.custom,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
  version: customers.version,
};
export type CustomerRow = Awaited<ReturnType<typeof findCustomer>> & {};

const byIdOrNumber = (idOrNumber: string) =>
  namesCustomerNumber(idOrNumber) ? eq(customers.number, idOrNumber.toUpperCase()) : eq(customers.id, idOrNumber);

/** One customer by id or public number, only if `visible` lets the caller see it. */
export async function findCustomer(db: Db, idOrNumber: string, visible: SQL) {
  const [row] = await db.select(customerColumns).from(customers).where(and(byIdOrNumber(idOrNumber), visible));
  return row ?? null;
}

/**
 * UNSCOPED on purpose: the record a write just changed, with its addresses (as listAddresses orders
 * them) in ONE statement, answered to its writer whatever their scope is now (an assignment may move
 * it out of it). Only for a row the caller's use case has just written.
 */
export async function unsafeFindWrittenCustomerWithAddresses(db: Db, id: string) {
  const addresses = sql<AddressRow[]>`(select coalesce(json_agg(${addressJson(sql.raw('a'))} order by a.is_primary desc, a.created_at, a.id), '[]'::json)
    from customer_addresses a where a.customer_id = "customers"."id")`;
  const [row] = await db.select({ ...customerColumns, addresses }).from(customers).where(eq(customers.id, id));
  return row ?? null;
}

export async function unsafeFindWrittenCustomer(db: Db, id: string) {
  return findCustomer(db, id, sql`true`);
}

/** Same, locked for the caller's transaction: concurrent edits of one customer queue up. */
export async function findCustomerForUpdate(db: Db, idOrNumber: string, visible: SQL) {
  const [row] = await db.select(customerColumns).from(customers).where(and(byIdOrNumber(idOrNumber), visible)).for('update', { of: customers });
  return row ?? null;
}

// ── listing ──────────────────────────────────────────────────────────────────────────────────
export type SortKey = 'name' | 'number' | 'created' | 'lastContact' | 'lifetimeValue';

/** Each sort: the ordered expression, its text form for the cursor, and how the cursor casts back. */
const SORTS: Record<SortKey, { expr: SQL; key: SQL<string | null>; cast: (v: string | null) => SQL }> = {
  name: { expr: sql`lower(${customers.name})`, key: sql`lower(${customers.name})`, cast: (v) => sql`${v}::text` },
  number: { expr: sql`${customers.number}`, key: sql`${customers.number}`, cast: (v) => sql`${v}::text` },
  created: { expr: sql`${customers.createdAt}`, key: exactTimestamp(customers.createdAt), cast: (v) => sql`${v}::timestamptz` },
  lastContact: {
    expr: sql`coalesce(${customers.lastContactAt}, '-infinity'::timestamptz)`,
    key: exactTimestamp(customers.lastContactAt),
    cast: (v) => sql`coalesce(${v}::timestamptz, '-infinity'::timestamptz)`,
  },
  lifetimeValue: { expr: sql`${customers.lifetimeValue}`, key: sql`${customers.lifetimeValue}::text`, cast: (v) => sql`${v}::numeric` },
};

export interface ListSpec {
  where: SQL[];
  sort: SortKey;
  order: 'asc' | 'desc';
  after?: [string | null, string];
  limit: number;
  /** The filter holds a free-text search (searchCondition): few, scattered matches. */
  searching?: boolean;
}

/**
 * Keyset pages on (sort expression, id): stable under inserts, no OFFSET. Two statements: the page's
 * ids in order, then their rows. The first reads only columns the sort indexes carry (key, id and the
 * usual filter columns), so PostgreSQL can answer it by an index-only walk; when the visible rows are
 * sparse in sort order (a sales user's scope) that walk skips thousands of index entries instead of
 * thousands of table rows (measured at 200,000 customers: 8 ms instead of 44 ms).
 */
export async function listCustomers(db: Db, spec: ListSpec) {
  const s = SORTS[spec.sort];
  const where = [...spec.where];
  if (spec.after) {
    const cmp = spec.order === 'asc' ? sql`>` : sql`<`;
    where.push(sql`(${s.expr}, ${customers.id}) ${cmp} (${s.cast(spec.after[0])}, ${spec.after[1]}::uuid)`);
  }
  if (spec.searching) return listSearchMatches(db, spec, where);
  const dir = spec.order === 'asc' ? asc : desc;
  const page = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(...where))
    .orderBy(dir(s.expr), dir(customers.id))
    .limit(spec.limit + 1);
  return rowsInOrder(db, spec.sort, page);
}

/**
 * With a free-text search the matches are a few thousand rows at most, scattered in sort order. With
 * a LIMIT the planner likes to walk the sort index and filter, which reads most of the table when the
 * matches cluster far down it (measured: 120 ms at 200,000 customers for "nguy"). The materialized CTE
 * is a planning fence: the matches come from the trigram indexes, only they are sorted, and the page's
 * rows are then read by id — two statements, each bounded by the number of matches.
 */
async function listSearchMatches(db: Db, spec: ListSpec, where: SQL[]) {
  const s = SORTS[spec.sort];
  const dir = spec.order === 'asc' ? sql`asc` : sql`desc`;
  const page = (await db.execute<{ id: string }>(sql`with m as materialized (
      select ${customers.id} as id, ${s.expr} as k from ${customers} where ${and(...where)})
    select id from m order by k ${dir}, id ${dir} limit ${spec.limit + 1}`)) as unknown as { id: string }[];
  return rowsInOrder(db, spec.sort, page);
}

/** Per sort, the statement that reads a page's rows by id: the same text for every page, built once. */
const pageRowsBySort = Object.fromEntries(
  (Object.keys(SORTS) as SortKey[]).map((sort) => [
    sort,
    compiledSelect((qb) =>
      qb.select({ ...customerColumns, sortKey: SORTS[sort].key }).from(customers).where(sql`${customers.id} = any(${sql.placeholder('ids')}::uuid[])`)),
  ]),
) as Record<SortKey, (db: Db, values: { ids: string[] }) => Promise<(CustomerRow & { sortKey: string | null })[]>>;

/** The rows of a page found by id, in the page's order, each with its cursor key. */
async function rowsInOrder(db: Db, sort: SortKey, page: { id: string }[]) {
  if (!page.length) return [];
  const rows = await pageRowsBySort[sort](db, { ids: page.map((r) => r.id) });
  const position = new Map(page.map((r, i) => [r.id, i]));
  return rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Free-text search: partial name in any script (case- and accent-insensitive), number, e-mail, tax
 * ID, and phone fragments typed with spaces, dashes or a national leading 0. Three stored columns carry
 * the searchable text (customers.tables.ts): folded name + e-mail, the phones, number + tax ID, each
 * with a trigram index; each condition pairs the indexed LIKE with the exact field it means. The
 * query's shape picks the columns worth scanning, because a trigram scan over digits costs
 * milliseconds even when it finds nothing (digit trigrams are in almost every row): "+84…" is only a
 * phone, a full customer number only a number, words never a phone.
 */
export function searchCondition(q: string): SQL {
  if (CUSTOMER_NUMBER.test(q)) return eq(customers.number, q.toUpperCase());
  const like = `%${likeEscape(q)}%`;
  const digits = q.replace(/\D/g, '');
  const phoneShaped = digits.length >= 3 && /^[\d\s+().-]+$/.test(q);
  const conds: SQL[] = [];
  if (phoneShaped) {
    // Only the digits after national leading zeros: "0903 555 777" is stored +84903555777, and any number
    // containing "0903555777" also contains "903555777", so scanning for both would be wasted work.
    const fragment = `%${digits.replace(/^0+/, '')}%`;
    if (fragment.length >= 5) {
      conds.push(sql`(${customers.searchPhones} like ${fragment} and (${customers.phone} like ${fragment} or ${customers.mobile} like ${fragment}))`);
    }
    if (q.trim().startsWith('+')) return conds.length ? or(...conds)! : sql`false`;
  } else {
    conds.push(sql`${customers.searchText} like search_fold(${like})`);
  }
  if (digits.length > 0 || /^cust/i.test(q)) {
    conds.push(sql`(${customers.searchIds} ilike ${like} and (${customers.number} ilike ${like} or ${customers.taxId} ilike ${like}))`);
  }
  return or(...conds)!;
}

// ── uniqueness (CUS-2) ───────────────────────────────────────────────────────────────────────
export interface Duplicate {
  field: 'phone' | 'email' | 'taxId';
  id: string;
  number: string;
  name: string;
}

/** Active customers already holding one of these values (all of them, not only visible ones). */
export async function findDuplicates(db: Db, v: { phone?: string | null; email?: string | null; taxId?: string | null }, exceptId?: string): Promise<Duplicate[]> {
  const conds: SQL[] = [];
  if (v.phone) conds.push(eq(customers.phone, v.phone));
  if (v.email) conds.push(eq(sql`lower(${customers.email})`, v.email.toLowerCase()));
  if (v.taxId) conds.push(eq(customers.taxId, v.taxId));
  if (!conds.length) return [];
  const rows = await db
    .select({ id: customers.id, number: customers.number, name: customers.name, phone: customers.phone, email: customers.email, taxId: customers.taxId })
    .from(customers)
    .where(and(or(...conds), ne(customers.status, 'INACTIVE'), exceptId ? ne(customers.id, exceptId) : undefined))
    .orderBy(asc(customers.number));
  return duplicatesAmong(rows, v);
}

type Holder = { id: string; number: string; name: string; phone: string | null; email: string | null; taxId: string | null };

/** findDuplicates as one json value (the holders, by number): for a request's lookups in one statement. */
export function duplicatesJson(v: DuplicateValues): SQL<Holder[]> {
  const conds: SQL[] = [];
  if (v.phone) conds.push(sql`c.phone = ${v.phone}`);
  if (v.email) conds.push(sql`lower(c.email) = ${v.email.toLowerCase()}`);
  if (v.taxId) conds.push(sql`c.tax_id = ${v.taxId}`);
  if (!conds.length) return sql`'[]'::json`;
  return sql`(select coalesce(json_agg(json_build_object('id', c.id, 'number', c.number, 'name', c.name, 'phone', c.phone, 'email', c.email, 'taxId', c.tax_id) order by c.number), '[]'::json)
    from customers c where (${sql.join(conds, sql` or `)}) and c.status <> 'INACTIVE')`;
}

type DuplicateValues = { phone?: string | null; email?: string | null; taxId?: string | null };

/** Which of the holders' values are the ones asked about: one duplicate per (holder, field). */
export function duplicatesAmong(rows: Holder[], v: DuplicateValues): Duplicate[] {
  const out: Duplicate[] = [];
  for (const r of rows) {
    if (v.phone && r.phone === v.phone) out.push({ field: 'phone', id: r.id, number: r.number, name: r.name });
    if (v.email && r.email?.toLowerCase() === v.email.toLowerCase()) out.push({ field: 'email', id: r.id, number: r.number, name: r.name });
    if (v.taxId && r.taxId === v.taxId) out.push({ field: 'taxId', id: r.id, number: r.number, name: r.name });
  }
  return out;
}

export async function updateCustomer(db: Db, id: string, expectedVersion: number, values: Partial<typeof customers.$inferInsert>) {
  const [row] = await db
    .update(customers)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${customers.version} + 1` })
    .where(and(eq(customers.id, id), eq(customers.version, expectedVersion)))
    .returning({ id: customers.id });
  return row ?? null;
}

/**
 * Contact dates kept current by activities. System-maintained like the value totals, so the version
 * does not move: a person editing the profile is not sent back by a call being logged.
 */
export async function recordContact(db: Db, id: string, v: { lastContactAt?: Date; nextContactAt?: Date | null }) {
  const set: Partial<typeof customers.$inferInsert> = {};
  if (v.lastContactAt) set.lastContactAt = sql`greatest(${customers.lastContactAt}, ${v.lastContactAt.toISOString()}::timestamptz)` as never;
  if (v.nextContactAt !== undefined) set.nextContactAt = v.nextContactAt;
  if (!Object.keys(set).length) return;
  await db.update(customers).set(set).where(eq(customers.id, id));
}

/** An active staff user (owners are people who can work the customer). */
export async function isActiveStaff(db: Db, userId: string) {
  return (await activeStaffIds(db, [userId])).has(userId);
}

export async function teamExists(db: Db, teamId: string) {
  return isActiveTeam(db, teamId);
}

// ── addresses ────────────────────────────────────────────────────────────────────────────────
export const addressColumns = {
  id: customerAddresses.id,
  kind: customerAddresses.kind,
  street: customerAddresses.street,
  city: customerAddresses.city,
  state: customerAddresses.state,
  postalCode: customerAddresses.postalCode,
  country: customerAddresses.country,
  isPrimary: customerAddresses.isPrimary,
};
export type AddressRow = Awaited<ReturnType<typeof listAddresses>>[number];

export async function listAddresses(db: Db, customerId: string) {
  return db
    .select(addressColumns)
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId))
    .orderBy(desc(customerAddresses.isPrimary), asc(customerAddresses.createdAt), asc(customerAddresses.id));
}

export async function insertAddresses(db: Db, customerId: string, rows: Omit<typeof customerAddresses.$inferInsert, 'customerId'>[]) {
  if (!rows.length) return [];
  return db.insert(customerAddresses).values(rows.map((r) => ({ ...r, customerId }))).returning(addressColumns);
}

export async function updateAddress(db: Db, customerId: string, id: string, values: Partial<typeof customerAddresses.$inferInsert>) {
  const [row] = await db
    .update(customerAddresses)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(customerAddresses.id, id), eq(customerAddresses.customerId, customerId)))
    .returning(addressColumns);
  return row ?? null;
}

/** Clears the current primary before another becomes primary (the partial unique index allows one). */
export async function clearPrimary(db: Db, customerId: string) {
  await db.update(customerAddresses).set({ isPrimary: false }).where(and(eq(customerAddresses.customerId, customerId), eq(customerAddresses.isPrimary, true)));
}

export async function deleteAddress(db: Db, customerId: string, id: string) {
  const rows = await db
    .delete(customerAddresses)
    .where(and(eq(customerAddresses.id, id), eq(customerAddresses.customerId, customerId)))
    .returning(addressColumns);
  return rows[0] ?? null;
}

/** After the primary is removed, the oldest remaining address becomes primary. */
export async function promoteOldestAddress(db: Db, customerId: string) {
  await db.execute(sql`update customer_addresses set is_primary = true where id = (
    select id from customer_addresses where customer_id = ${customerId} order by created_at, id limit 1)
    and not exists (select 1 from customer_addresses where customer_id = ${customerId} and is_primary)`);
}

export async function customersByIds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: customers.id, number: customers.number, name: customers.name }).from(customers).where(inArray(customers.id, ids));
}
