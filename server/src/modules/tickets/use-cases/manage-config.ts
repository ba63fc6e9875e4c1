import type { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, diff } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, invalid, notFound, staleVersion } from '../../../platform/http/errors.ts';
import type { createComponentBody, createTypeBody, updateComponentBody, updateTypeBody } from '../config.contracts.ts';
import * as repo from '../config.repository.ts';

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

async function checkStaff(tx: Db, staffIds: string[]) {
  const found = new Set(await repo.activeStaffIds(tx, staffIds));
  const bad = staffIds.findIndex((s) => !found.has(s));
  if (bad >= 0) throw invalid([{ field: `staffIds.${bad}`, message: 'Not an active staff member.' }]);
}

export async function createComponent(ctx: AppContext, actor: Actor, input: z.infer<typeof createComponentBody>) {
  const id = await ctx.database.transaction(async (tx) => {
    const staffIds = [...new Set(input.staffIds)];
    await checkStaff(tx, staffIds);
    const row = await repo.insertComponent(tx, { key: input.key, name: input.name, description: input.description ?? null });
    if (!row) throw conflict('duplicate_key', 'A component with this key exists.', [{ field: 'key', message: 'Already taken.' }]);
    await repo.replaceComponentStaff(tx, row.id, staffIds);
    await appendHistory(tx, { entityType: 'ticket_component', entityId: row.id, actorId: actor.userId, action: 'created', changes: [{ field: 'staffIds', from: null, to: staffIds }], internal: true });
    return row.id;
  });
  return (await repo.findComponent(ctx.database.db, id))!;
}

export async function updateComponent(ctx: AppContext, actor: Actor, id: string, version: number, input: z.infer<typeof updateComponentBody>) {
  await ctx.database.transaction(async (tx) => {
    const before = await repo.findComponent(tx, id);
    if (!before) throw notFound('component');
    if (before.version !== version) throw staleVersion();
    const { staffIds, ...fields } = input;
    const changes = diff(before as unknown as Record<string, unknown>, fields as Record<string, unknown>);
    const oldStaff = before.staff.map((s) => s.id).sort();
    const newStaff = staffIds ? [...new Set(staffIds)].sort() : oldStaff;
    if (JSON.stringify(oldStaff) !== JSON.stringify(newStaff)) changes.push({ field: 'staffIds', from: oldStaff, to: newStaff });
    if (!changes.length) return;
    if (staffIds) {
      await checkStaff(tx, newStaff);
      await repo.replaceComponentStaff(tx, id, newStaff);
    }
    if (!(await repo.updateComponent(tx, id, version, fields))) throw staleVersion();
    await appendHistory(tx, { entityType: 'ticket_component', entityId: id, actorId: actor.userId, action: 'updated', changes, internal: true });
  });
  return (await repo.findComponent(ctx.database.db, id))!;
}
