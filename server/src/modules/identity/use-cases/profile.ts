import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, diff } from '../../../platform/audit/history.ts';
import { hashPassword, verifyPassword } from '../../../platform/auth/passwords.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { permissionsOf, type Role } from '../../../platform/permissions/roles.ts';
import type { TEAM_KINDS, UpdateMeInput } from '../identity.contracts.ts';
import type { COLOR_SCHEMES } from '../../../platform/http/common-schemas.ts';
import type { Language } from '../../../platform/i18n/languages.ts';

type ColorScheme = (typeof COLOR_SCHEMES)[number];
type TeamKind = (typeof TEAM_KINDS)[number];
import * as repo from '../identity.repository.ts';

export async function getMe(ctx: AppContext, actor: Actor) {
  const user = await repo.getUserView(ctx.database.db, actor.userId);
  if (!user) throw notFound('user');
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    permissions: permissionsOf(user.role as Role),
    phone: user.phone,
    location: user.location,
    language: user.language as Language,
    timeZone: user.timeZone,
    colorScheme: user.colorScheme as ColorScheme,
    branch: user.branch,
    teams: user.teams as { id: string; name: string; kind: TeamKind }[],
    customerId: user.customerId,
    notificationPrefs: JSON.parse(user.notificationPrefs) as Record<string, { inApp: boolean; email: boolean }>,
    csrfToken: actor.csrfToken ?? null,
  };
}

/** A user edits their own profile: never their role, e-mail, branch or customer. */
export async function updateMe(ctx: AppContext, actor: Actor, input: UpdateMeInput) {
  await ctx.database.transaction(async (tx) => {
    const before = await repo.getUserRow(tx, actor.userId);
    if (!before) throw notFound('user');
    const values = { ...input, notificationPrefs: input.notificationPrefs ? JSON.stringify(input.notificationPrefs) : undefined };
    const changes = diff(before as Record<string, unknown>, values as Record<string, unknown>);
    if (!changes.length) return;
    await repo.updateUser(tx, actor.userId, before.version, values);
    await appendHistory(tx, { entityType: 'user', entityId: actor.userId, actorId: actor.userId, action: 'profile_updated', changes });
  });
  return getMe(ctx, actor);
}

export async function changePassword(ctx: AppContext, actor: Actor, currentPassword: string, newPassword: string) {
  const stored = await repo.passwordHashOf(ctx.database.db, actor.userId);
  if (!(await verifyPassword(stored, currentPassword))) {
    throw new AppError('invalid_credentials', 422, 'The current password is wrong.', [{ field: 'currentPassword', message: 'Wrong password.' }]);
  }
  const hash = await hashPassword(newPassword);
  await ctx.database.transaction(async (tx) => {
    const user = await repo.getUserRow(tx, actor.userId);
    if (!user) throw notFound('user');
    await repo.updateUser(tx, actor.userId, user.version, { passwordHash: hash });
    // Every other session of this user ends (this one stays): a changed password is often a compromised one.
    await repo.deleteSessionsOfUser(tx, actor.userId, actor.sessionId);
    await appendHistory(tx, { entityType: 'user', entityId: actor.userId, actorId: actor.userId, action: 'password_changed' });
  });
}
