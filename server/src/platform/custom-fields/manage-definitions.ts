import type { Actor } from '../auth/actor.ts';
import { appendHistory, diff } from '../audit/history.ts';
import type { AppContext } from '../context.ts';
import { conflict, invalid, notFound, staleVersion, unprocessable } from '../http/errors.ts';
import * as cf from './custom-fields.ts';
import * as repo from './custom-fields.repository.ts';

type CreateInput = typeof cf.createDefinitionBody._zod.output;
type UpdateInput = typeof cf.updateDefinitionBody._zod.output;

/**
 * PLT-11: the definitions of an entity, in display order. A client (the portal's ticket form and
 * detail) gets only the active ticket fields they may see or fill (decision 0007).
 */
export async function listDefinitions(ctx: AppContext, actor: Actor, entity: (typeof cf.CUSTOM_FIELD_ENTITIES)[number]) {
  if (actor.role !== 'client') return repo.listDefinitions(ctx.database.db, entity);
  if (entity !== 'ticket') return [];
  return (await repo.listDefinitions(ctx.database.db, entity)).filter((d) => d.active && d.clientAccess !== 'hidden');
}

/** Defines a field: its key is unique per entity; history records its key and type. */
export function createDefinition(ctx: AppContext, actor: Actor, input: CreateInput) {
  const { label, options, ...rest } = input;
  return ctx.database.transaction(async (tx) => {
    if (await repo.keyTaken(tx, rest.entity, rest.key)) {
      throw conflict('custom_field_exists', `The ${rest.entity} field "${rest.key}" already exists.`, [{ field: 'key', message: 'Already in use.' }]);
    }
    const row = await repo.insertDefinition(tx, { ...rest, ...cf.splitLabel(label), options: options ?? [] });
    await appendHistory(tx, {
      entityType: 'custom_field',
      entityId: row.id,
      actorId: actor.userId,
      action: 'created',
      changes: [{ field: 'key', from: null, to: row.key }, { field: 'type', from: null, to: row.type }],
    });
    return row;
  });
}

/** Edits a field (If-Match version); key and type are fixed, options only for select fields. */
export function updateDefinition(ctx: AppContext, actor: Actor, id: string, version: number, input: UpdateInput) {
  return ctx.database.transaction(async (tx) => {
    const before = await repo.getDefinition(tx, id);
    if (!before) throw notFound('custom field');
    if (before.version !== version) throw staleVersion();
    const { label, ...rest } = input;
    const next = { ...rest, ...(label !== undefined ? cf.splitLabel(label) : {}) };
    const accessError = cf.clientAccessError(before.entity, next.clientAccess);
    if (accessError) throw invalid([{ field: 'clientAccess', message: accessError }]);
    const choice = before.type === 'select' || before.type === 'multi-select';
    if (next.options !== undefined && choice !== next.options.length > 0) {
      throw unprocessable('invalid_options', choice ? 'A select field needs options.' : 'Only select fields have options.', [{ field: 'options', message: 'Not valid for this type.' }]);
    }
    const changes = diff(before as unknown as Record<string, unknown>, next as Record<string, unknown>);
    if (!changes.length) return before;
    const row = await repo.updateDefinition(tx, before.id, version, next);
    if (!row) throw staleVersion();
    await appendHistory(tx, { entityType: 'custom_field', entityId: row.id, actorId: actor.userId, action: 'updated', changes });
    return row;
  });
}
