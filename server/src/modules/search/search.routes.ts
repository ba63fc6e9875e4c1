import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { searchProviders, searchQuery, searchResponse } from './search.contracts.ts';
import { globalSearch } from './use-cases/global-search.ts';

/** PLT-8: one box, grouped answers; every signed-in user, each group by its module's permission and scope. */
export const searchRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/search', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['search'],
      summary: `Global search: ${searchProviders(ctx).map((p) => p.group).join(', ')} (by number or words, any language), ≤ 10 per group; groups the caller may not read are absent`,
      querystring: searchQuery,
      response: { 200: searchResponse(searchProviders(ctx)) },
    },
  }, async (request) => globalSearch(ctx, actorOf(request), request.query));
};
