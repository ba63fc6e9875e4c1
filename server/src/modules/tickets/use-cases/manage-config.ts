import type { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, diff } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, invalid, notFound, staleVersion } from '../../../platform/http/errors.ts';
import type { createComponentBody, createTypeBody, updateComponentBody, updateTypeBody } from '../config.contracts.ts';
import * as repo from '../config.repository.ts';
import * as distribution from '../distribution.repository.ts';

/** TKT-2: types are admin-managed; a changed field list applies to tickets created from now on. */
export async function createType(ctx: AppContext, actor: Actor, input: z.infer<typeof createTypeBody>) {
  const id = await ctx.database.transaction(async (tx) => {
    const row = await repo.insertType(tx, input);
    if (!row) throw conflict('duplicate_key', 'A ticket type with this key exists.', [{ field: 'key', message: 'Already taken.' }]);
    await appendHistory(tx, { entityType: 'ticket_type', entityId: row.id, actorId: actor.userId, action: 'created', internal: true });
    return row.id;
  });
  return (await repo.findType(ctx.database.db, id))!;
}

export async function updateType(ctx: AppContext, actor: Actor, id: string, version: number, input: z.infer<typeof updateTypeBody>) {
  await ctx.database.transaction(async (tx) => {
    const before = await repo.findType(tx, id);
    if (!before) throw notFound('ticket type');
    if (before.version !== version) throw staleVersion();
    const changes = diff(before as unknown as Record<string, unknown>, input as Record<string, unknown>);
    if (!changes.length) return;
    if (!(await repo.updateType(tx, id, version, input))) throw staleVersion();
    await appendHistory(tx, { entityType: 'ticket_type', entityId: id, actorId: actor.userId, action: 'updated', changes, internal: true });
  });
  return (await repo.findType(ctx.database.db, id))!;
}

type StaffInput = { userId: string; role: 'agent' | 'manager'; available?: boolean }[] | undefined;
type StaffMember = { userId: string; role: 'agent' | 'manager'; available: boolean };

/**
 * The staff list a request asks for, or null when it names none; a member's availability is kept
 * unless the request sets it.
 */
function requestedStaff(staff: StaffInput, current: repo.StaffRow[]): StaffMember[] | null {
  const availableNow = (userId: string) => current.find((c) => c.id === userId)?.available ?? true;
  if (!staff) return null;
  const twice = staff.findIndex((s, i) => staff.findIndex((o) => o.userId === s.userId) !== i);
  if (twice >= 0) throw invalid([{ field: `staff.${twice}.userId`, message: 'Listed twice.' }]);
  return staff.map((s) => ({ userId: s.userId, role: s.role, available: s.available ?? availableNow(s.userId) }));
}

async function checkStaff(tx: Db, members: StaffMember[]) {
  const found = new Set(await repo.activeStaffIds(tx, members.map((m) => m.userId)));
  const bad = members.findIndex((m) => !found.has(m.userId));
  if (bad >= 0) throw invalid([{ field: `staff.${bad}.userId`, message: 'Not an active staff member.' }]);
}

const staffSnapshot = (members: StaffMember[]) => [...members].sort((a, b) => a.userId.localeCompare(b.userId)).map((m) => ({ userId: m.userId, role: m.role, available: m.available }));

export async function createComponent(ctx: AppContext, actor: Actor, input: z.infer<typeof createComponentBody>) {
  const id = await ctx.database.transaction(async (tx) => {
    const requested = requestedStaff(input.staff, []) ?? [];
    await checkStaff(tx, requested);
    const row = await repo.insertComponent(tx, { key: input.key, name: input.name, description: input.description ?? null, distribution: input.distribution });
    if (!row) throw conflict('duplicate_key', 'A component with this key exists.', [{ field: 'key', message: 'Already taken.' }]);
    await repo.replaceComponentStaff(tx, row.id, requested);
    await appendHistory(tx, { entityType: 'ticket_component', entityId: row.id, actorId: actor.userId, action: 'created', changes: [{ field: 'staff', from: null, to: staffSnapshot(requested) }], internal: true });
    return row.id;
  });
  return (await repo.findComponent(ctx.database.db, id))!;
}

export async function updateComponent(ctx: AppContext, actor: Actor, id: string, version: number, input: z.infer<typeof updateComponentBody>) {
  await ctx.database.transaction(async (tx) => {
    const before = await repo.findComponent(tx, id);
    if (!before) throw notFound('component');
    if (before.version !== version) throw staleVersion();
    const { staff, ...fields } = input;
    const changes = diff(before as unknown as Record<string, unknown>, fields as Record<string, unknown>);
    const requested = requestedStaff(staff, before.staff);
    const oldStaff = staffSnapshot(before.staff.map((s) => ({ userId: s.id, role: s.role, available: s.available })));
    const newStaff = requested ? staffSnapshot(requested) : oldStaff;
    if (JSON.stringify(oldStaff) !== JSON.stringify(newStaff)) changes.push({ field: 'staff', from: oldStaff, to: newStaff });
    if (!changes.length) return;
    if (requested) {
      await checkStaff(tx, requested);
      await repo.replaceComponentStaff(tx, id, requested);
    }
    if (!(await repo.updateComponent(tx, id, version, fields))) throw staleVersion();
    await appendHistory(tx, { entityType: 'ticket_component', entityId: id, actorId: actor.userId, action: 'updated', changes, internal: true });
  });
  return (await repo.findComponent(ctx.database.db, id))!;
}

/**
 * TKT-10: a staff member marks themselves available (or away) in one of their components; only
 * available agents receive distributed tickets. Not an admin edit: the component's version stays.
 */
export async function setAvailability(ctx: AppContext, actor: Actor, id: string, available: boolean) {
  await ctx.database.transaction(async (tx) => {
    const member = await distribution.lockStaffMember(tx, id, actor.userId);
    if (!member) throw notFound('component');
    if (member.available === available) return;
    await distribution.setAvailable(tx, id, actor.userId, available);
    await appendHistory(tx, { entityType: 'ticket_component', entityId: id, actorId: actor.userId, action: 'availability', changes: [{ field: `staff.${actor.userId}.available`, from: member.available, to: available }], internal: true });
  });
  return (await repo.findComponent(ctx.database.db, id))!;
}
