import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { users } from '../identity/index.ts';

/** Active staff by lower-case e-mail: the owners an import may name (one query per pass, not per row). */
export async function activeStaffByEmail(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: users.id, email: sql<string>`lower(${users.email})` })
    .from(users)
    .where(and(eq(users.active, true), ne(users.role, 'client')));
  return new Map(rows.map((r) => [r.email, r.id]));
}
