import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { users } from './identity.tables.ts';

/** A chunk of values per statement: well under PostgreSQL's parameter limit. */
const CHUNK = 1000;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
const textArray = (values: string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

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
