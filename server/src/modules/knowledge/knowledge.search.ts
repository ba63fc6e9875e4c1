import { z } from 'zod';
import type { SearchProvider } from '../../platform/module.ts';
import { can } from '../../platform/permissions/roles.ts';
import { searchArticles } from './use-cases/read-articles.ts';

const articleHit = z.object({ id: z.uuid(), title: z.string(), language: z.string(), status: z.string(), visibility: z.string() });

/** PLT-8: articles in the header search, through the KB search's own visibility (clients: published public only). */
export const articleSearch: SearchProvider<z.infer<typeof articleHit>> = {
  group: 'articles',
  hit: articleHit,
  visibleTo: (actor) => can(actor.role, 'knowledge.read'),
  async search(ctx, actor, q, limit) {
    const { items } = await searchArticles(ctx, actor, { q, limit });
    return items.map((a) => ({ id: a.id, title: a.title, language: a.language, status: a.status, visibility: a.visibility }));
  },
};
