import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { SearchProvider } from '../../platform/module.ts';

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  /** Per group. */
  limit: z.coerce.number().int().min(1).max(10).default(5),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** Every module's search provider, in module order. */
export function searchProviders(ctx: AppContext): SearchProvider[] {
  return ctx.modules.flatMap((m) => m.search ?? []);
}

/** PLT-8: one optional group per provider; a group is present only when the caller may read that kind of record. */
export function searchResponse(providers: SearchProvider[]) {
  return z.object(Object.fromEntries(providers.map((p) => [p.group, z.array(p.hit).optional()])));
}
