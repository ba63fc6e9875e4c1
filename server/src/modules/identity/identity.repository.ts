import { and, asc, eq, gt, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { preparedPerHandle } from '../../platform/db/prepared.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Role } from '../../platform/permissions/roles.ts';
import { apiTokens, branches, loginThrottle, sessions, teamMembers, teams, users } from './identity.tables.ts';

export type UserRow = typeof users.$inferSelect;
export type BranchRow = typeof branches.$inferSelect;
export type TeamRow = typeof teams.$inferSelect;

/** Columns safe to leave the repository: never the password hash. */
const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  phone: users.phone,
  location: users.location,
  language: users.language,
  timeZone: users.timeZone,
  colorScheme: users.colorScheme,
  branchId: users.branchId,
  customerId: users.customerId,
  active: users.active,
  lastLoginAt: users.lastLoginAt,
  notificationPrefs: users.notificationPrefs,
  createdAt: users.createdAt,
  version: users.version,
};

// Correlated subqueries name the outer row explicitly: an unqualified "id" would bind to the inner table.
const outerUserId = sql.raw('"users"."id"');
const outerUserBranch = sql.raw('"users"."branch_id"');
const teamsOfUser = sql<{ id: string; name: string; kind: string }[]>`coalesce((
  select json_agg(json_build_object('id', t.id, 'name', t.name, 'kind', t.kind) order by t.name)
  from team_members tm join teams t on t.id = tm.team_id where tm.user_id = ${outerUserId}), '[]'::json)`;
const branchOfUser = sql<{ id: string; name: string; code: string } | null>`(
  select json_build_object('id', b.id, 'name', b.name, 'code', b.code) from branches b where b.id = ${outerUserBranch})`;

export const userViewColumns = { ...userColumns, teams: teamsOfUser, branch: branchOfUser };

// ── credentials ──────────────────────────────────────────────────────────────────────────────
export async function findCredentialsByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return row ?? null;
}

export async function passwordHashOf(db: Db, userId: string) {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash ?? null;
}

const actorColumns = {
  userId: users.id,
  role: users.role,
  name: users.name,
  email: users.email,
  language: users.language,
  timeZone: users.timeZone,
  branchId: users.branchId,
  customerId: users.customerId,
  teamIds: sql<string[]>`coalesce((select array_agg(tm.team_id) from team_members tm where tm.user_id = ${outerUserId}), '{}')`,
};

// Every request signed in by cookie runs this one: prepared (see preparedPerHandle).
const sessionLookup = preparedPerHandle((db) =>
  db
    .select({ ...actorColumns, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('sessionId')), gt(sessions.expiresAt, sql`now()`), eq(users.active, true)))
    .limit(1)
    .prepare('actor_for_session'),
);

export async function actorForSession(db: Db, sessionId: string) {
  const [row] = await sessionLookup(db).execute({ sessionId });
  return row ?? null;
}

export async function actorForToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ ...actorColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
        eq(users.active, true),
      ),
    )
    .limit(1);
  return row ?? null;
}

export function toActor(row: NonNullable<Awaited<ReturnType<typeof actorForSession>>> | NonNullable<Awaited<ReturnType<typeof actorForToken>>>, via: Actor['via']): Actor {
  return {
    userId: row.userId,
    role: row.role as Role,
    name: row.name,
    email: row.email,
    language: row.language,
    timeZone: row.timeZone,
    branchId: row.branchId,
    customerId: row.customerId,
    teamIds: (row.teamIds ?? []).map(String),
    via,
  };
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

export async function extendSession(db: Db, sessionId: string, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt: sql`now()`, expiresAt }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteSessionsOfUser(db: Db, userId: string, keepSessionId?: string) {
  const keep = keepSessionId ? sql`${sessions.id} <> ${keepSessionId}` : undefined;
  await db.delete(sessions).where(and(eq(sessions.userId, userId), keep));
}

export async function deleteExpiredSessions(db: Db) {
  const rows = await db.delete(sessions).where(sql`${sessions.expiresAt} <= now()`).returning({ id: sessions.id });
  return rows.length;
}

export async function markLogin(db: Db, userId: string) {
  await db.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, userId));
}

// ── login throttle ───────────────────────────────────────────────────────────────────────────
export async function lockedUntil(db: Db, keys: string[]) {
  const rows = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, keys), gt(loginThrottle.lockedUntil, sql`now()`)));
  const times = rows.map((r) => r.lockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/** One statement per key: concurrent failures from several processes all count. */
export async function countFailure(db: Db, key: string, max: number, windowMs: number) {
  const window = sql`make_interval(secs => ${windowMs / 1000})`;
  await db.execute(sql`
    insert into login_throttle (key, failures, window_start, locked_until) values (${key}, 1, now(), null)
    on conflict (key) do update set
      failures = case when login_throttle.window_start < now() - ${window} then 1 else login_throttle.failures + 1 end,
      window_start = case when login_throttle.window_start < now() - ${window} then now() else login_throttle.window_start end,
      locked_until = case
        when login_throttle.window_start >= now() - ${window} and login_throttle.failures + 1 >= ${max} then now() + ${window}
        else login_throttle.locked_until end`);
}

export async function clearFailures(db: Db, key: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

// ── users ────────────────────────────────────────────────────────────────────────────────────
// GET /me (every page load of the web app) reads it: prepared.
const userView = preparedPerHandle((db) => db.select(userViewColumns).from(users).where(eq(users.id, sql.placeholder('id'))).prepare('user_view'));

export async function getUserView(db: Db, id: string) {
  const [row] = await userView(db).execute({ id });
  return row ?? null;
}

export async function getUserRow(db: Db, id: string) {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

export interface UserFilter {
  q?: string;
  role?: Role;
  roles?: Role[];
  active?: boolean;
  branchId?: string;
  teamId?: string;
  after?: [string, string];
  limit: number;
}

/** Keyset order (lower(name), id); every filter has an index behind it. */
export async function listUsers(db: Db, f: UserFilter) {
  const where: SQL[] = [];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(users.name, like), ilike(users.email, like))!);
  }
  if (f.role) where.push(eq(users.role, f.role));
  if (f.roles) where.push(inArray(users.role, f.roles));
  if (f.active !== undefined) where.push(eq(users.active, f.active));
  if (f.branchId) where.push(eq(users.branchId, f.branchId));
  if (f.teamId) where.push(sql`exists (select 1 from team_members tm where tm.user_id = ${outerUserId} and tm.team_id = ${f.teamId})`);
  if (f.after) where.push(sql`(lower(${users.name}), ${users.id}) > (${f.after[0]}, ${f.after[1]}::uuid)`);
  return db
    .select(userViewColumns)
    .from(users)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(f.limit + 1);
}

export async function emailTaken(db: Db, email: string, exceptId?: string) {
  const conds = [eq(sql`lower(${users.email})`, email.toLowerCase())];
  if (exceptId) conds.push(sql`${users.id} <> ${exceptId}`);
  const [row] = await db.select({ id: users.id }).from(users).where(and(...conds)).limit(1);
  return !!row;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row.id;
}

/** Compare-and-set on version: null when someone else changed the row first. */
export async function updateUser(db: Db, id: string, expectedVersion: number, values: Partial<typeof users.$inferInsert>) {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
    .returning({ id: users.id });
  return row ?? null;
}

export async function teamIdsOf(db: Db, userId: string) {
  const rows = await db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId));
  return rows.map((r) => r.teamId);
}

export async function setUserTeams(db: Db, userId: string, teamIds: string[]) {
  await db.delete(teamMembers).where(eq(teamMembers.userId, userId));
  if (teamIds.length) await db.insert(teamMembers).values(teamIds.map((teamId) => ({ teamId, userId })));
}

export async function existingIds(db: Db, table: 'teams' | 'branches' | 'users' | 'customers', ids: string[]) {
  if (!ids.length) return new Set<string>();
  const result = await db.execute<{ id: string }>(sql`select id from ${sql.identifier(table)} where id in ${ids}`);
  return new Set((result as unknown as { id: string }[]).map((r) => r.id));
}

// ── API tokens ───────────────────────────────────────────────────────────────────────────────
const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
};

export async function listTokens(db: Db, userId: string) {
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(asc(apiTokens.createdAt));
}

export async function insertToken(db: Db, values: typeof apiTokens.$inferInsert) {
  const [row] = await db.insert(apiTokens).values(values).returning(tokenColumns);
  return row;
}

export async function revokeToken(db: Db, userId: string, tokenId: string) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function touchToken(db: Db, tokenId: string) {
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, tokenId));
}

// ── notification recipients ──────────────────────────────────────────────────────────────────
export async function recipientRow(db: Db, userId: string) {
  const [row] = await db
    .select({ email: users.email, name: users.name, active: users.active, notificationPrefs: users.notificationPrefs, language: users.language })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}
