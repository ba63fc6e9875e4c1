import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import * as c from './handover.contracts.ts';
import { getHandover, listHandovers } from './use-cases/read-handovers.ts';
import { accept, approve, sendBack, setReceiver, submitForReview, updateItem } from './use-cases/steps.ts';

const TAG = ['handovers'];

/** CUS-6: customer handovers, preparation → review → confirmation → completed. */
export const handoverRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const detail = { params: c.handoverParam, response: { 200: c.handoverDetail } };

  app.get('/api/v1/handovers', {
    config: { access: 'handovers.read' },
    schema: { tags: TAG, summary: 'Handovers the caller may see, newest first (stage filter, keyset cursor), with counts per stage', querystring: c.listQuery, response: { 200: c.listResponse } },
  }, async (request) => listHandovers(ctx, actorOf(request), request.query));

  app.get('/api/v1/handovers/:id', {
    config: { access: 'handovers.read' },
    schema: { tags: TAG, summary: 'One handover with its checklist and the steps the caller may take', ...detail },
  }, async (request) => getHandover(ctx, actorOf(request), request.params.id));

  app.put('/api/v1/handovers/:id/receiver', {
    config: { access: 'handovers.manage' },
    schema: { tags: TAG, summary: 'Choose the receiver (admin or the responsible manager; preparation stage)', body: c.receiverBody, ...detail },
  }, async (request) => {
    await setReceiver(ctx, actorOf(request), request.params.id, request.body.receiverId);
    return getHandover(ctx, actorOf(request), request.params.id);
  });

  app.patch('/api/v1/handovers/:id/items/:itemId', {
    config: { access: 'handovers.work' },
    schema: { tags: TAG, summary: 'Complete a checklist item or add a note (original owner; preparation stage)', params: c.itemParams, body: c.itemBody, response: { 200: c.handoverDetail } },
  }, async (request) => {
    await updateItem(ctx, actorOf(request), request.params.id, request.params.itemId, request.body);
    return getHandover(ctx, actorOf(request), request.params.id);
  });

  app.post('/api/v1/handovers/:id/submit', {
    config: { access: 'handovers.work' },
    schema: { tags: TAG, summary: 'Submit the completed checklist for review (preparation → review)', ...detail },
  }, async (request) => {
    await submitForReview(ctx, actorOf(request), request.params.id);
    return getHandover(ctx, actorOf(request), request.params.id);
  });

  app.post('/api/v1/handovers/:id/approve', {
    config: { access: 'handovers.manage' },
    schema: { tags: TAG, summary: 'Approve the checklist (review → confirmation)', ...detail },
  }, async (request) => {
    await approve(ctx, actorOf(request), request.params.id);
    return getHandover(ctx, actorOf(request), request.params.id);
  });

  app.post('/api/v1/handovers/:id/send-back', {
    config: { access: 'handovers.manage' },
    schema: { tags: TAG, summary: 'Send the checklist back with a reason (review → preparation)', body: c.sendBackBody, ...detail },
  }, async (request) => {
    await sendBack(ctx, actorOf(request), request.params.id, request.body.reason);
    return getHandover(ctx, actorOf(request), request.params.id);
  });

  app.post('/api/v1/handovers/:id/accept', {
    config: { access: 'handovers.work' },
    schema: { tags: TAG, summary: 'The receiver takes over (confirmation → completed): records move, the customer is told', ...detail },
  }, async (request) => {
    await accept(ctx, actorOf(request), request.params.id);
    return getHandover(ctx, actorOf(request), request.params.id);
  });
};
