import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';

/**
 * What other modules may ask identity about people, branches and teams (issue 9: they never query
 * users, teams or team_members themselves). Two kinds:
 * - SQL fragments to embed in their own queries: scope subqueries (`… in ${usersOfTeams(ids)}`) and
 *   `{id, name}` references of a column;
 * - intent-level reads and locks, each one statement.
 */

type Person = { id: string; name: string };
const uuidList = (ids: readonly string[]) => (ids.length ? sql`array[${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)}]` : sql`'{}'::uuid[]`);
const rows = <T>(r: unknown) => r as T[];

// ── fragments ────────────────────────────────────────────────────────────────────────────────
/** `{id, name}` of the user in `userId` (a column or value), or null. */
export const userRef = (userId: SQL) => sql<Person | null>`(select json_build_object('id', u.id, 'name', u.name) from users u where u.id = ${userId})`;

/** The language the user in `userId` reads the app in, or null. */
export const userLanguage = (userId: SQL) => sql<string | null>`(select u.language from users u where u.id = ${userId})`;

/** The name of the user in `userId` (for ordering and labels), or null. */
export const userName = (userId: SQL) => sql<string | null>`(select u.name from users u where u.id = ${userId})`;

/** Whether the user in `userId` is active (false when there is no such user). */
export const userIsActive = (userId: SQL) => sql<boolean>`coalesce((select u.active from users u where u.id = ${userId}), false)`;

/** Whether the user in `userId` is active staff: an active account that is not a client's. */
export const isActiveStaffSql = (userId: SQL) => sql<boolean>`exists (select 1 from users u where u.id = ${userId} and u.active and u.role <> 'client')`;

/** `{id, name}` of the team in `teamId`, or null. */
export const teamRef = (teamId: SQL) => sql<Person | null>`(select json_build_object('id', t.id, 'name', t.name) from teams t where t.id = ${teamId})`;

/** Scope subquery: ids of the teams a user manages. */
export const teamIdsManagedBy = (userId: string): SQL => sql`(select t.id from teams t where t.manager_id = ${userId}::uuid)`;

/** Scope subquery: ids of the members of these teams (a list of ids, or a subquery of team ids). */
export function usersOfTeams(teamIds: readonly string[] | SQL): SQL {
  const cond = Array.isArray(teamIds) ? sql`tm.team_id = any(${uuidList(teamIds)})` : sql`tm.team_id in ${teamIds as SQL}`;
  return sql`(select tm.user_id from team_members tm where ${cond})`;
}

/** Scope subquery: ids of the users of a branch (none for no branch). */
export const usersOfBranch = (branchId: string | null): SQL => sql`(select u.id from users u where u.branch_id = ${branchId}::uuid)`;

/** Scope subquery: ids of the active users (any role). */
export const activeUserIds = (): SQL => sql`(select u.id from users u where u.active)`;

// ── reads ────────────────────────────────────────────────────────────────────────────────────
/** Of these ids, the active staff users (not clients): owners, participants and responsible staff. */
export async function activeStaffIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = rows<{ id: string }>(await db.execute(sql`select id from users where id = any(${uuidList([...new Set(ids)])}) and active and role <> 'client'`));
  return new Set(found.map((r) => r.id));
}

/** isActiveTeam as a boolean SQL expression: for a request's lookups in one statement. */
export const isActiveTeamSql = (id: string): SQL<boolean> => sql`exists (select 1 from teams where id = ${id}::uuid and active)`;

/** userContact as one json value (null for no such user): for a request's lookups in one statement. */
export const userContactJson = (userId: string): SQL<{ name: string; phone: string | null; email: string; location: string | null; time_zone: string } | null> =>
  sql`(select json_build_object('name', name, 'phone', phone, 'email', email, 'location', location, 'time_zone', time_zone) from users where id = ${userId}::uuid)`;

/** Active staff by lower-case e-mail: the owners an import may name (one query per pass, not per row). */
export async function activeStaffByEmail(db: Db): Promise<Map<string, string>> {
  const found = rows<{ id: string; email: string }>(await db.execute(sql`select id, lower(email) as email from users where active and role <> 'client'`));
  return new Map(found.map((r) => [r.email, r.id]));
}

/** Names of these users by id (missing ids are left out). */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const found = rows<{ id: string; name: string }>(await db.execute(sql`select id, name from users where id = any(${uuidList(unique)})`));
  return new Map(found.map((r) => [r.id, r.name]));
}

/** Whether a team exists and is active. */
export async function isActiveTeam(db: Db, teamId: string): Promise<boolean> {
  return rows(await db.execute(sql`select 1 from teams where id = ${teamId} and active`)).length > 0;
}

/** Staff who may hold customers (active sales, managers and admins), with their contact fields. */
export async function customerHolder(db: Db, userId: string) {
  return (
    rows<{ id: string; name: string; email: string; phone: string | null }>(
      await db.execute(sql`select id, name, email, phone from users where id = ${userId} and active and role in ('sales', 'manager', 'admin')`),
    )[0] ?? null
  );
}

/** Serialises work per user (e.g. one user's pool claims): locks the user row until commit. */
export async function lockUser(db: Db, userId: string): Promise<void> {
  await db.execute(sql`select id from users where id = ${userId} for update`);
}

/** The active admins, oldest account first. */
export async function activeAdmins(db: Db): Promise<string[]> {
  return rows<{ id: string }>(await db.execute(sql`select id from users where role = 'admin' and active order by created_at`)).map((r) => r.id);
}

/**
 * The managers responsible for a staff member: of the active teams they belong to and of `teamId`;
 * when there are none (someone who left every team), the active managers of their branch.
 */
export async function responsibleManagers(db: Db, userId: string, teamId: string | null): Promise<string[]> {
  const found = rows<{ id: string }>(
    await db.execute(sql`select distinct t.manager_id as id from teams t
      where t.manager_id is not null and t.active
        and (t.id in (select tm.team_id from team_members tm where tm.user_id = ${userId}) or t.id = ${teamId}::uuid)`),
  );
  if (found.length) return found.map((r) => r.id);
  const branch = rows<{ id: string }>(
    await db.execute(sql`select m.id from users m join users o on o.id = ${userId}
      where m.role = 'manager' and m.active and o.branch_id is not null and m.branch_id = o.branch_id and m.id <> o.id`),
  );
  return branch.map((r) => r.id);
}

/** The profile fields a ticket copies from its creator (TKT-1). */
export async function userContact(db: Db, userId: string) {
  return (
    rows<{ name: string; phone: string | null; email: string; location: string | null; time_zone: string }>(
      await db.execute(sql`select name, phone, email, location, time_zone from users where id = ${userId}::uuid`),
    )[0] ?? null
  );
}

/** Who an e-mail goes to: address, language, role, and the client's customer. */
export type MailPerson = { id: string; email: string; name: string; language: string; role: string; active: boolean; customerId: string | null };
const mailPersonColumns = sql`u.id, u.email, u.name, u.language, u.role, u.active, u.customer_id as "customerId"`;

export async function mailPeople(db: Db, ids: readonly string[]): Promise<MailPerson[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  return rows<MailPerson>(await db.execute(sql`select ${mailPersonColumns} from users u where u.id = any(${uuidList(unique)})`));
}

/** The people among `userIds` (a subquery) who are active staff, as e-mail recipients. */
export async function mailActiveStaffIn(db: Db, userIds: SQL): Promise<MailPerson[]> {
  return rows<MailPerson>(await db.execute(sql`select ${mailPersonColumns} from users u where u.id in ${userIds} and u.active and u.role <> 'client' order by u.email`));
}
