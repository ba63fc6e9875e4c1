import type { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import * as repo from '../config.repository.ts';
import type { viewBody } from '../tickets.contracts.ts';
import { checkViewFilter } from './read-tickets.ts';

/**
 * TKT-2 saved views: each user's own named list filters. Another user's view is 404 like a missing one;
 * every save and delete leaves a history row (internal: a personal setting) in the same transaction.
 */
export const listSavedViews = (ctx: AppContext, actor: Actor) => repo.listViews(ctx.database.db, actor.userId);

export async function saveView(ctx: AppContext, actor: Actor, input: z.infer<typeof viewBody>) {
  await checkViewFilter(ctx, actor, input.filter);
  return ctx.database.transaction(async (tx) => {
    const row = await repo.insertView(tx, actor.userId, input.name, input.filter);
    await appendHistory(tx, {
      entityType: 'ticket_view',
      entityId: row.id,
      actorId: actor.userId,
      action: 'created',
      changes: [
        { field: 'name', from: null, to: row.name },
        { field: 'filter', from: null, to: row.filter },
      ],
      internal: true,
    });
    return row;
  });
}

export async function deleteView(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.database.transaction(async (tx) => {
    const view = await repo.findView(tx, id, actor.userId);
    if (!view || !(await repo.deleteView(tx, view.id, actor.userId))) throw notFound('view');
    await appendHistory(tx, {
      entityType: 'ticket_view',
      entityId: view.id,
      actorId: actor.userId,
      action: 'deleted',
      changes: [
        { field: 'name', from: view.name, to: null },
        { field: 'filter', from: view.filter, to: null },
      ],
      internal: true,
    });
  });
}
