import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { customers } from './customers.tables.ts';

/**
 * Customers named in a file's cells (TKT-11 ticket import): by number, e-mail or phone, many at once,
 * only those `visible` (the caller's customers policy) lets through.
 */

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
