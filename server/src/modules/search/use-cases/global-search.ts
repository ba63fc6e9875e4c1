import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { SearchQuery } from '../search.contracts.ts';
import { searchProviders } from '../search.contracts.ts';

/**
 * PLT-8 global search. Each group is a module's search provider (its module definition's `search`),
 * which searches through that module's own list search, so its scope rules apply unchanged: a sales
 * user finds the customers and tickets they may see, a client only their own customer's tickets.
 * No SQL here: nothing can bypass a policy. Groups run concurrently; a group the caller may not read
 * is absent from the answer.
 */
export async function globalSearch(ctx: AppContext, actor: Actor, { q, limit }: SearchQuery) {
  const groups = await Promise.all(
    searchProviders(ctx)
      .filter((provider) => provider.visibleTo(actor))
      .map(async (provider) => [provider.group, await provider.search(ctx, actor, q, limit)] as const),
  );
  return Object.fromEntries(groups);
}
