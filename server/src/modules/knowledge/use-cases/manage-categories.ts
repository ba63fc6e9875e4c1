import type { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { conflict, invalid } from '../../../platform/http/errors.ts';
import type { categoryBody } from '../knowledge.contracts.ts';
import * as repo from '../knowledge.repository.ts';

/** KB-1: a category; nested one level only (its parent is a top-level category). */
export async function createCategory(ctx: AppContext, actor: Actor, input: z.infer<typeof categoryBody>) {
  return ctx.database.transaction(async (tx) => {
    if (input.parentId) {
      const parent = await repo.findCategory(tx, input.parentId);
      if (!parent) throw invalid([{ field: 'parentId', message: 'No such category.' }]);
      if (parent.parentId) throw invalid([{ field: 'parentId', message: 'Categories nest one level: the parent must be a top-level category.' }]);
    }
    if (await repo.findCategoryBySlug(tx, input.slug)) throw conflict('slug_taken', 'Another category has this address.', [{ field: 'slug', message: 'Taken.' }]);
    const names = Object.fromEntries(Object.entries(input.names).filter(([, v]) => v)) as Record<string, string>;
    const id = await repo.insertCategory(tx, { slug: input.slug, names, parentId: input.parentId ?? null, position: input.position ?? 0 });
    await appendHistory(tx, { entityType: 'kb_category', entityId: id, actorId: actor.userId, action: 'created' });
    return { id, parentId: input.parentId ?? null, slug: input.slug, names, position: input.position ?? 0, articles: 0 };
  });
}
