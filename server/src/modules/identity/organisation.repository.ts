import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { branches, teamMembers, teams, users } from './identity.tables.ts';

const branchColumns = {
  id: branches.id,
  code: branches.code,
  name: branches.name,
  address: branches.address,
  timeZone: branches.timeZone,
  active: branches.active,
  version: branches.version,
};

export async function listBranches(db: Db) {
  return db.select(branchColumns).from(branches).orderBy(asc(branches.name), asc(branches.id));
}

export async function getBranch(db: Db, id: string) {
  const [row] = await db.select(branchColumns).from(branches).where(eq(branches.id, id));
  return row ?? null;
}

export async function branchCodeTaken(db: Db, code: string, exceptId?: string) {
  const conds = [eq(sql`lower(${branches.code})`, code.toLowerCase())];
  if (exceptId) conds.push(sql`${branches.id} <> ${exceptId}`);
  const [row] = await db.select({ id: branches.id }).from(branches).where(and(...conds)).limit(1);
  return !!row;
}

export async function insertBranch(db: Db, values: typeof branches.$inferInsert) {
  const [row] = await db.insert(branches).values(values).returning(branchColumns);
  return row;
}

export async function updateBranch(db: Db, id: string, expectedVersion: number, values: Partial<typeof branches.$inferInsert>) {
  const [row] = await db
    .update(branches)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${branches.version} + 1` })
    .where(and(eq(branches.id, id), eq(branches.version, expectedVersion)))
    .returning(branchColumns);
  return row ?? null;
}

const outerTeamId = sql.raw('"teams"."id"');
const outerTeamManager = sql.raw('"teams"."manager_id"');

const teamView = {
  id: teams.id,
  name: teams.name,
  kind: teams.kind,
  branchId: teams.branchId,
  active: teams.active,
  version: teams.version,
  managerId: teams.managerId,
  manager: sql<{ id: string; name: string } | null>`(select json_build_object('id', u.id, 'name', u.name) from users u where u.id = ${outerTeamManager})`,
  members: sql<{ id: string; name: string; role: string }[]>`coalesce((
    select json_agg(json_build_object('id', u.id, 'name', u.name, 'role', u.role) order by u.name)
    from team_members tm join users u on u.id = tm.user_id where tm.team_id = ${outerTeamId}), '[]'::json)`,
};

export async function listTeams(db: Db) {
  return db.select(teamView).from(teams).orderBy(asc(teams.name), asc(teams.id));
}

export async function getTeam(db: Db, id: string) {
  const [row] = await db.select(teamView).from(teams).where(eq(teams.id, id));
  return row ?? null;
}

export async function teamNameTaken(db: Db, name: string, exceptId?: string) {
  const conds = [eq(sql`lower(${teams.name})`, name.toLowerCase())];
  if (exceptId) conds.push(sql`${teams.id} <> ${exceptId}`);
  const [row] = await db.select({ id: teams.id }).from(teams).where(and(...conds)).limit(1);
  return !!row;
}

export async function insertTeam(db: Db, values: typeof teams.$inferInsert) {
  const [row] = await db.insert(teams).values(values).returning({ id: teams.id });
  return row.id;
}

export async function updateTeam(db: Db, id: string, expectedVersion: number, values: Partial<typeof teams.$inferInsert>) {
  const [row] = await db
    .update(teams)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${teams.version} + 1` })
    .where(and(eq(teams.id, id), eq(teams.version, expectedVersion)))
    .returning({ id: teams.id });
  return row ?? null;
}

export async function memberIdsOf(db: Db, teamId: string) {
  const rows = await db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId));
  return rows.map((r) => r.userId);
}

export async function setTeamMembers(db: Db, teamId: string, userIds: string[]) {
  await db.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
  if (userIds.length) await db.insert(teamMembers).values(userIds.map((userId) => ({ teamId, userId })));
}

/** Staff only: a client account can never be a team member or manager. */
export async function staffIds(db: Db, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), sql`${users.role} <> 'client'`));
  return new Set(rows.map((r) => r.id));
}
