import { and, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { customers } from '../customers/index.ts';
import { users } from '../identity/index.ts';
import { ticketImports } from './ticket-import.tables.ts';

/** A chunk of values per statement: well under PostgreSQL's parameter limit. */
const CHUNK = 1000;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
const textArray = (values: string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

export interface CustomerMatch {
  ref: string;
  id: string;
}

/** Visible customers by public number (any status). */
export async function customersByNumber(db: Db, visible: SQL, numbers: string[]): Promise<CustomerMatch[]> {
  const out: CustomerMatch[] = [];
  for (const part of chunks(numbers)) {
    const rows = await db.select({ ref: customers.number, id: customers.id }).from(customers).where(and(inArray(customers.number, part), visible));
    out.push(...rows);
  }
  return out;
}

/** Visible, not merged-away customers by e-mail (case-insensitive; unique among active customers). */
export async function customersByEmail(db: Db, visible: SQL, emails: string[]): Promise<CustomerMatch[]> {
  const out: CustomerMatch[] = [];
  for (const part of chunks(emails)) {
    const rows = await db
      .select({ ref: sql<string>`lower(${customers.email})`, id: customers.id })
      .from(customers)
      .where(and(sql`lower(${customers.email}) = any(${textArray(part)})`, sql`${customers.status} <> 'INACTIVE'`, visible));
    out.push(...rows);
  }
  return out;
}

/**
 * Visible, not merged-away customers whose phone or mobile ends with the given digits. Phones are
 * stored in E.164, so "0903 555 777" (digits without national zeros: 903555777) and "+84 903 555 777"
 * both end the stored +84903555777; the trigram index on the stored search_phones column serves the LIKE.
 */
export async function customersByPhoneDigits(db: Db, visible: SQL, digits: string[]): Promise<CustomerMatch[]> {
  const out: CustomerMatch[] = [];
  for (const part of chunks(digits)) {
    const rows = await db
      .select({ ref: sql<string>`p.d`, id: customers.id })
      .from(sql`unnest(${textArray(part)}) as p(d)`)
      .innerJoin(customers, sql`${customers.searchPhones} like '%' || p.d || '%' and (${customers.phone} like '%' || p.d or ${customers.mobile} like '%' || p.d)`)
      .where(and(sql`${customers.status} <> 'INACTIVE'`, visible));
    out.push(...rows);
  }
  return out;
}

/** Active staff users by e-mail (lower-cased), for the processor column. */
export async function staffByEmail(db: Db, emails: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks(emails)) {
    const rows = await db
      .select({ email: sql<string>`lower(${users.email})`, id: users.id })
      .from(users)
      .where(and(sql`lower(${users.email}) = any(${textArray(part)})`, eq(users.active, true), sql`${users.role} <> 'client'`));
    for (const r of rows) out.set(r.email, r.id);
  }
  return out;
}

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
