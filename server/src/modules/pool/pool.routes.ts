import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import * as c from './pool.contracts.ts';
import { ownerAfterMove } from './use-cases/read-pool.ts';
import { assignFromPool, claimCustomer } from './use-cases/claim.ts';
import { getPoolSettings, listPool, readPoolHistory, updatePoolSettings } from './use-cases/read-pool.ts';
import { recycleCustomer } from './use-cases/recycle.ts';

const TAG = ['customer pool'];

/** CUS-7: the shared customer pool. */
export const poolRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const moved = (id: string) => ownerAfterMove(ctx, id);

  app.get('/api/v1/pool', {
    config: { access: 'pool.read' },
    schema: { tags: TAG, summary: 'Customers in the pool (newest first, keyset cursor, filters)', querystring: c.poolListQuery, response: { 200: pageSchema(c.poolItem) } },
  }, async (request) => listPool(ctx, request.query));

  app.get('/api/v1/pool/settings', {
    config: { access: 'pool.read' },
    schema: { tags: TAG, summary: 'The pool rule: days without follow-up, holding limit, cool-down', response: { 200: c.poolSettingsResponse } },
  }, async () => getPoolSettings(ctx));

  app.patch('/api/v1/pool/settings', {
    config: { access: 'settings.manage' },
    schema: { tags: TAG, summary: 'Change the pool rule (admins)', body: c.poolSettingsPatch, response: { 200: c.poolSettingsResponse } },
  }, async (request) => updatePoolSettings(ctx, actorOf(request), request.body));

  app.get('/api/v1/pool/customers/:idOrNumber/history', {
    config: { access: 'pool.read' },
    schema: { tags: TAG, summary: "A customer's pool history (every recycle, claim and assignment)", params: c.customerParam, response: { 200: c.poolHistoryResponse } },
  }, async (request) => readPoolHistory(ctx, actorOf(request), request.params.idOrNumber));

  app.post('/api/v1/pool/customers/:idOrNumber/recycle', {
    config: { access: 'pool.recycle' },
    schema: { tags: TAG, summary: 'Put a customer in the pool by hand, with a reason', params: c.customerParam, body: c.recycleBody, response: { 200: c.moveResponse } },
  }, async (request) => moved(await recycleCustomer(ctx, actorOf(request), request.params.idOrNumber, request.body.reason)));

  app.post('/api/v1/pool/customers/:idOrNumber/claim', {
    config: { access: 'pool.claim' },
    schema: { tags: TAG, summary: 'Claim a pool customer (holding limit and cool-down apply)', params: c.customerParam, response: { 200: c.moveResponse } },
  }, async (request) => moved(await claimCustomer(ctx, actorOf(request), request.params.idOrNumber)));

  app.post('/api/v1/pool/customers/:idOrNumber/assign', {
    config: { access: 'pool.manage' },
    schema: { tags: TAG, summary: 'Give a pool customer to someone (managers, admins)', params: c.customerParam, body: c.assignBody, response: { 200: c.moveResponse } },
  }, async (request) => moved(await assignFromPool(ctx, actorOf(request), request.params.idOrNumber, request.body.ownerId)));
};
