import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, diff } from '../../../platform/audit/history.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { conflict, type FieldError, notFound, staleVersion, unprocessable } from '../../../platform/http/errors.ts';
import type { CreateUserInput, UpdateUserInput } from '../identity.contracts.ts';
import * as repo from '../identity.repository.ts';

/** References must exist, and a client account belongs to exactly one customer while staff belong to none. */
async function checkReferences(tx: Db, role: string, v: { branchId?: string | null; teamIds?: string[]; customerId?: string | null }) {
  const errors: FieldError[] = [];
  if (v.branchId && !(await repo.existingIds(tx, 'branches', [v.branchId])).size) errors.push({ field: 'branchId', message: 'No such branch.' });
  if (v.teamIds?.length) {
    const found = await repo.existingIds(tx, 'teams', v.teamIds);
    const missing = v.teamIds.filter((id) => !found.has(id));
    if (missing.length) errors.push({ field: 'teamIds', message: `No such team: ${missing.join(', ')}.` });
    if (role === 'client') errors.push({ field: 'teamIds', message: 'A client account cannot be in a team.' });
  }
  if (role === 'client') {
    if (!v.customerId) errors.push({ field: 'customerId', message: 'A client account must belong to a customer.' });
    else if (!(await repo.existingIds(tx, 'customers', [v.customerId])).size) errors.push({ field: 'customerId', message: 'No such customer.' });
  } else if (v.customerId) {
    errors.push({ field: 'customerId', message: 'Only client accounts belong to a customer.' });
  }
  if (errors.length) throw unprocessable('invalid_reference', errors.map((e) => e.message).join(' '), errors);
}

export async function createUser(ctx: AppContext, actor: Actor, input: CreateUserInput) {
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.database.transaction(async (tx) => {
    if (await repo.emailTaken(tx, input.email)) {
      throw conflict('email_taken', `A user with the e-mail ${input.email} already exists.`, [{ field: 'email', message: 'Already in use.' }]);
    }
    await checkReferences(tx, input.role, input);
    const { password: _password, teamIds, ...fields } = input;
    const id = await repo.insertUser(tx, { ...fields, passwordHash });
    await repo.setUserTeams(tx, id, teamIds);
    await appendHistory(tx, {
      entityType: 'user',
      entityId: id,
      actorId: actor.userId,
      action: 'created',
      changes: [{ field: 'role', from: null, to: input.role }, { field: 'email', from: null, to: input.email }],
    });
    await recordEvent(tx, 'user.created', { userId: id, role: input.role });
    return id;
  });
  ctx.afterCommit();
  return (await repo.getUserView(ctx.database.db, id))!;
}

export async function updateUser(ctx: AppContext, actor: Actor, id: string, version: number, input: UpdateUserInput) {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  await ctx.database.transaction(async (tx) => {
    const before = await repo.getUserRow(tx, id);
    if (!before) throw notFound('user');
    if (before.version !== version) throw staleVersion();
    if (input.email && (await repo.emailTaken(tx, input.email, id))) {
      throw conflict('email_taken', `A user with the e-mail ${input.email} already exists.`, [{ field: 'email', message: 'Already in use.' }]);
    }
    if (id === actor.userId && input.role && input.role !== before.role) {
      throw unprocessable('own_role', 'You cannot change your own role.', [{ field: 'role', message: 'Not your own.' }]);
    }
    const role = input.role ?? before.role;
    const teamsBefore = await repo.teamIdsOf(tx, id);
    await checkReferences(tx, role, {
      branchId: input.branchId,
      teamIds: input.teamIds ?? (input.role === 'client' ? teamsBefore : undefined),
      customerId: input.customerId !== undefined ? input.customerId : before.customerId,
    });
    const { password: _password, teamIds, ...fields } = input;
    const changes = diff(before as Record<string, unknown>, fields as Record<string, unknown>);
    if (teamIds && [...teamIds].sort().join() !== [...teamsBefore].sort().join()) {
      changes.push({ field: 'teams', from: teamsBefore, to: teamIds });
      await repo.setUserTeams(tx, id, teamIds);
    }
    if (passwordHash) changes.push({ field: 'password', from: '***', to: '***' });
    if (!changes.length) return;
    const updated = await repo.updateUser(tx, id, version, { ...fields, ...(passwordHash ? { passwordHash } : {}) });
    if (!updated) throw staleVersion();
    if (passwordHash || (input.role && input.role !== before.role)) await repo.deleteSessionsOfUser(tx, id);
    await appendHistory(tx, { entityType: 'user', entityId: id, actorId: actor.userId, action: 'updated', changes });
    const positionChanged = changes.some((c) => c.field === 'role' || c.field === 'teams');
    if (positionChanged) await recordEvent(tx, 'user.position_changed', { userId: id, changes, actorId: actor.userId });
  });
  ctx.afterCommit();
  if (input.password || input.role) ctx.realtime.disconnectUser(id);
  return (await repo.getUserView(ctx.database.db, id))!;
}

/** A deactivated user is out at once: sessions deleted, API tokens refused, sockets disconnected. */
export async function setUserActive(ctx: AppContext, actor: Actor, id: string, active: boolean) {
  await ctx.database.transaction(async (tx) => {
    const before = await repo.getUserRow(tx, id);
    if (!before) throw notFound('user');
    if (!active && id === actor.userId) {
      throw unprocessable('own_account', 'You cannot deactivate your own account.', [{ field: 'id', message: 'Your own account.' }]);
    }
    if (before.active === active) return;
    await repo.updateUser(tx, id, before.version, { active, deactivatedAt: active ? null : new Date() });
    if (!active) await repo.deleteSessionsOfUser(tx, id);
    await appendHistory(tx, {
      entityType: 'user',
      entityId: id,
      actorId: actor.userId,
      action: active ? 'activated' : 'deactivated',
      changes: [{ field: 'active', from: before.active, to: active }],
    });
    await recordEvent(tx, active ? 'user.activated' : 'user.deactivated', { userId: id, actorId: actor.userId });
  });
  ctx.afterCommit();
  if (!active) ctx.realtime.disconnectUser(id);
  return (await repo.getUserView(ctx.database.db, id))!;
}
