import type { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, diff } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, invalid, notFound, staleVersion } from '../../../platform/http/errors.ts';
import type { categoryBody, categoryUpdateBody } from '../knowledge.contracts.ts';
import * as repo from '../knowledge.repository.ts';

/** Categories nest one level: a parent must exist and be top-level, and not be the category itself. */
async function checkParent(tx: Db, parentId: string | null | undefined, self?: string) {
  if (!parentId) return;
  const parent = await repo.findCategory(tx, parentId);
  if (!parent) throw invalid([{ field: 'parentId', message: 'No such category.' }]);
  if (parent.parentId || parent.id === self) throw invalid([{ field: 'parentId', message: 'Categories nest one level: the parent must be another top-level category.' }]);
}

async function checkSlug(tx: Db, slug: string | undefined, self?: string) {
  if (!slug) return;
  const taken = await repo.findCategoryBySlug(tx, slug);
  if (taken && taken.id !== self) throw conflict('slug_taken', 'Another category has this address.', [{ field: 'slug', message: 'Taken.' }]);
}

const filledNames = (names: Record<string, string | undefined>) => Object.fromEntries(Object.entries(names).filter(([, v]) => v)) as Record<string, string>;

/** KB-1: a category; nested one level only (its parent is a top-level category). */
export async function createCategory(ctx: AppContext, actor: Actor, input: z.infer<typeof categoryBody>) {
  return ctx.database.transaction(async (tx) => {
    await checkParent(tx, input.parentId);
    await checkSlug(tx, input.slug);
    const names = filledNames(input.names);
    const id = await repo.insertCategory(tx, { slug: input.slug, names, parentId: input.parentId ?? null, position: input.position ?? 0 });
    await appendHistory(tx, { entityType: 'kb_category', entityId: id, actorId: actor.userId, action: 'created' });
    return { id, parentId: input.parentId ?? null, slug: input.slug, names, position: input.position ?? 0, articles: 0, version: 1 };
  });
}

/**
 * KB-1: renames, re-addresses, re-orders or moves a category (If-Match: its version; 412 when
 * someone saved in between). A category with sub-categories stays top-level (one level of nesting).
 */
export async function updateCategory(ctx: AppContext, actor: Actor, id: string, expected: number, input: z.infer<typeof categoryUpdateBody>) {
  return ctx.database.transaction(async (tx) => {
    const current = await repo.lockCategory(tx, id);
    if (!current) throw notFound('category');
    if (current.version !== expected) throw staleVersion();
    await checkParent(tx, input.parentId, id);
    const contents = await repo.categoryContents(tx, id);
    if (input.parentId && contents.children > 0) {
      throw invalid([{ field: 'parentId', message: 'This category has sub-categories: it stays top-level (categories nest one level).' }]);
    }
    await checkSlug(tx, input.slug, id);
    const next = {
      ...(input.names && { names: filledNames(input.names) }),
      ...(input.parentId !== undefined && { parentId: input.parentId }),
      ...(input.position !== undefined && { position: input.position }),
      ...(input.slug !== undefined && { slug: input.slug }),
    };
    const changes = diff(current, next, ['names', 'parentId', 'position', 'slug']);
    const version = changes.length ? await repo.updateCategory(tx, id, next) : current.version;
    if (changes.length) await appendHistory(tx, { entityType: 'kb_category', entityId: id, actorId: actor.userId, action: 'updated', changes });
    return { id, parentId: next.parentId !== undefined ? next.parentId : current.parentId, slug: next.slug ?? current.slug, names: next.names ?? current.names, position: next.position ?? current.position, articles: contents.articles, version };
  });
}

/** KB-1: removes an empty category (If-Match); one that still holds articles or sub-categories is refused (409), nothing removed. */
export async function deleteCategory(ctx: AppContext, actor: Actor, id: string, expected: number): Promise<void> {
  await ctx.database.transaction(async (tx) => {
    const current = await repo.lockCategory(tx, id);
    if (!current) throw notFound('category');
    if (current.version !== expected) throw staleVersion();
    const held = await repo.categoryContents(tx, id);
    if (held.children || held.articles) {
      throw conflict('category_not_empty', `The category holds ${held.articles} article(s) and ${held.children} sub-categories: move them first.`, [{ field: 'id', message: 'Not empty.' }]);
    }
    await repo.deleteCategory(tx, id);
    await appendHistory(tx, { entityType: 'kb_category', entityId: id, actorId: actor.userId, action: 'deleted' });
  });
}
