import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, diff } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { conflict, notFound, staleVersion, unprocessable } from '../../../platform/http/errors.ts';
import type { BranchInput, TeamInput, TeamPatchInput } from '../identity.contracts.ts';
import * as repo from '../identity.repository.ts';
import * as org from '../organisation.repository.ts';

const codeTaken = (code: string) => conflict('branch_code_taken', `A branch with the code ${code} already exists.`, [{ field: 'code', message: 'Already in use.' }]);
const nameTaken = (name: string) => conflict('team_name_taken', `A team named ${name} already exists.`, [{ field: 'name', message: 'Already in use.' }]);

export async function createBranch(ctx: AppContext, actor: Actor, input: BranchInput) {
  return ctx.database.transaction(async (tx) => {
    if (await org.branchCodeTaken(tx, input.code)) throw codeTaken(input.code);
    const row = await org.insertBranch(tx, input);
    await appendHistory(tx, { entityType: 'branch', entityId: row.id, actorId: actor.userId, action: 'created', changes: diff({}, input) });
    return row;
  });
}

export async function updateBranch(ctx: AppContext, actor: Actor, id: string, version: number, input: Partial<BranchInput>) {
  return ctx.database.transaction(async (tx) => {
    const before = await org.getBranch(tx, id);
    if (!before) throw notFound('branch');
    if (before.version !== version) throw staleVersion();
    if (input.code && (await org.branchCodeTaken(tx, input.code, id))) throw codeTaken(input.code);
    const changes = diff(before as Record<string, unknown>, input as Record<string, unknown>);
    if (!changes.length) return before;
    const row = await org.updateBranch(tx, id, version, input);
    if (!row) throw staleVersion();
    await appendHistory(tx, { entityType: 'branch', entityId: id, actorId: actor.userId, action: 'updated', changes });
    return row;
  });
}

async function checkTeamPeople(tx: Db, input: { managerId?: string | null; memberIds?: string[]; branchId?: string | null }) {
  const ids = [...(input.memberIds ?? []), ...(input.managerId ? [input.managerId] : [])];
  const staff = await org.staffIds(tx, ids);
  const errors = [];
  if (input.managerId && !staff.has(input.managerId)) errors.push({ field: 'managerId', message: 'Not a staff user.' });
  const strangers = (input.memberIds ?? []).filter((id) => !staff.has(id));
  if (strangers.length) errors.push({ field: 'memberIds', message: `Not staff users: ${strangers.join(', ')}.` });
  if (input.branchId && !(await repo.existingIds(tx, 'branches', [input.branchId])).size) errors.push({ field: 'branchId', message: 'No such branch.' });
  if (errors.length) throw unprocessable('invalid_reference', errors.map((e) => e.message).join(' '), errors);
}

export async function createTeam(ctx: AppContext, actor: Actor, input: TeamInput) {
  const id = await ctx.database.transaction(async (tx) => {
    if (await org.teamNameTaken(tx, input.name)) throw nameTaken(input.name);
    await checkTeamPeople(tx, input);
    const { memberIds, ...fields } = input;
    const id = await org.insertTeam(tx, fields);
    await org.setTeamMembers(tx, id, memberIds);
    await appendHistory(tx, { entityType: 'team', entityId: id, actorId: actor.userId, action: 'created', changes: diff({}, input) });
    return id;
  });
  return (await org.getTeam(ctx.database.db, id))!;
}

export async function updateTeam(ctx: AppContext, actor: Actor, id: string, version: number, input: TeamPatchInput) {
  await ctx.database.transaction(async (tx) => {
    const before = await org.getTeam(tx, id);
    if (!before) throw notFound('team');
    if (before.version !== version) throw staleVersion();
    if (input.name && (await org.teamNameTaken(tx, input.name, id))) throw nameTaken(input.name);
    await checkTeamPeople(tx, input);
    const { memberIds, ...fields } = input;
    const changes = diff(before as Record<string, unknown>, fields as Record<string, unknown>);
    const membersBefore = before.members.map((m) => m.id);
    if (memberIds && [...memberIds].sort().join() !== [...membersBefore].sort().join()) {
      changes.push({ field: 'members', from: membersBefore, to: memberIds });
      await org.setTeamMembers(tx, id, memberIds);
      // Leaving a team is a position change (CUS-6 starts handovers for the customers they own).
      for (const userId of membersBefore.filter((m) => !memberIds.includes(m))) {
        await recordEvent(tx, 'user.position_changed', { userId, changes: [{ field: 'teams', from: [id], to: [] }], actorId: actor.userId });
      }
    }
    if (!changes.length) return;
    if (!(await org.updateTeam(tx, id, version, fields))) throw staleVersion();
    await appendHistory(tx, { entityType: 'team', entityId: id, actorId: actor.userId, action: 'updated', changes });
  });
  ctx.afterCommit();
  return (await org.getTeam(ctx.database.db, id))!;
}
