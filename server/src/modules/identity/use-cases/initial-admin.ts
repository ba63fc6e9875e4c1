import { sql } from 'drizzle-orm';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import type { Db } from '../../../platform/db/database.ts';
import { users } from '../identity.tables.ts';

/** Whether the installation has no account at all yet (a new database: demo data or the first admin). */
export async function hasNoAccounts(db: Db): Promise<boolean> {
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return count === 0;
}

/** The first administrator of a new non-demo installation (ADMIN_EMAIL / ADMIN_PASSWORD). */
export async function createInitialAdmin(db: Db, admin: { email: string; password: string }): Promise<void> {
  const passwordHash = await hashPassword(admin.password);
  await db.insert(users).values({ email: admin.email, name: 'Administrator', role: 'admin', passwordHash });
}
