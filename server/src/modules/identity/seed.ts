import { eq } from 'drizzle-orm';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Db } from '../../platform/db/database.ts';
import { DEMO_ACCOUNTS, DEMO_BRANCHES, DEMO_PASSWORD, DEMO_TEAMS } from './demo-accounts.ts';
import { branches, teamMembers, teams, users } from './identity.tables.ts';

/** Demo organisation, customers and users (IAM-5). Returns the ids by e-mail for later seeders. */
export async function seedIdentity(tx: Db): Promise<Map<string, string>> {
  const branchIds = new Map<string, string>();
  for (const b of DEMO_BRANCHES) {
    const [row] = await tx.insert(branches).values(b).returning({ id: branches.id });
    branchIds.set(b.code, row.id);
  }
  // One argon2id hash per user (own salt), computed in parallel on libuv's pool.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  const userIds = new Map<string, string>();
  for (const [i, a] of DEMO_ACCOUNTS.entries()) {
    const [row] = await tx
      .insert(users)
      .values({
        email: a.email,
        name: a.name,
        role: a.role,
        language: a.language,
        timeZone: a.timeZone,
        branchId: branchIds.get(a.branch),
        passwordHash: hashes[i],
        phone: `+8490${String(1000000 + i)}`,
      })
      .returning({ id: users.id });
    userIds.set(a.email, row.id);
  }
  for (const t of DEMO_TEAMS) {
    const [row] = await tx
      .insert(teams)
      .values({ name: t.name, kind: t.kind, managerId: userIds.get(t.manager), branchId: branchIds.get('HN') })
      .returning({ id: teams.id });
    const members = DEMO_ACCOUNTS.filter((a) => a.team === t.kind).map((a) => ({ teamId: row.id, userId: userIds.get(a.email)! }));
    if (members.length) await tx.insert(teamMembers).values(members);
  }
  return userIds;
}

/**
 * Links each demo client account to its customer (`customerIds[i]` is DEMO_CUSTOMERS[i]). The
 * customers module seeds those customers after identity (it depends on identity, not the reverse).
 */
export async function linkDemoClients(tx: Db, customerIds: readonly string[]): Promise<void> {
  for (const a of DEMO_ACCOUNTS) {
    if (a.customer !== undefined) await tx.update(users).set({ customerId: customerIds[a.customer] }).where(eq(users.email, a.email));
  }
}
