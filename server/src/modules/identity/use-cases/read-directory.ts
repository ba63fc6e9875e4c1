import { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { decodeCursor, page } from '../../../platform/http/pagination.ts';
import { STAFF_ROLES } from '../../../platform/permissions/roles.ts';
import type { ListUsersQuery } from '../identity.contracts.ts';
import * as repo from '../identity.repository.ts';
import * as org from '../organisation.repository.ts';

const cursorShape = z.tuple([z.string(), z.uuid()]);
/** Only admins see client accounts in the directory; staff see staff. */
const seesClients = (actor: Actor) => actor.role === 'admin';

export async function listUsers(ctx: AppContext, actor: Actor, q: ListUsersQuery) {
  const roles = seesClients(actor) ? undefined : [...STAFF_ROLES];
  const rows = await repo.listUsers(ctx.database.db, { ...q, roles, after: decodeCursor(q.cursor, cursorShape) });
  return page(rows, q.limit, (u) => [u.name.toLowerCase(), u.id]);
}

export async function getUser(ctx: AppContext, actor: Actor, id: string) {
  const user = await repo.getUserView(ctx.database.db, id);
  if (!user || (user.role === 'client' && !seesClients(actor))) throw notFound('user');
  return user;
}

/** The caller's own API tokens (never the secret). */
export const listApiTokens = (ctx: AppContext, actor: Actor) => repo.listTokens(ctx.database.db, actor.userId);

/** Branches and teams (IAM-4): small sets, listed whole, ordered by name. */
export const listBranches = (ctx: AppContext) => org.listBranches(ctx.database.db);
export const listTeams = (ctx: AppContext) => org.listTeams(ctx.database.db);

export async function getBranch(ctx: AppContext, id: string) {
  const branch = await org.getBranch(ctx.database.db, id);
  if (!branch) throw notFound('branch');
  return branch;
}

export async function getTeam(ctx: AppContext, id: string) {
  const team = await org.getTeam(ctx.database.db, id);
  if (!team) throw notFound('team');
  return team;
}
