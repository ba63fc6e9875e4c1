import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { uuidParam } from '../../platform/http/common-schemas.ts';
import { etag, expectedVersion } from '../../platform/http/versioning.ts';
import * as c from './customers.contracts.ts';
import { createSegment, deleteSegment, getSegment, listSegments, presentSegment, updateSegment } from './use-cases/manage-segments.ts';

const TAG = ['customer segments'];

/** CUS-4 segments: GET /customers?segment=<id> applies one. */
export const segmentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/customer-segments', {
    config: { access: 'customers.read' },
    schema: { tags: TAG, summary: 'My segments and shared ones', response: { 200: z.object({ items: z.array(c.segmentResponse) }) } },
  }, async (request) => {
    const actor = actorOf(request);
    return { items: (await listSegments(ctx, actor)).map((s) => presentSegment(s, actor)) };
  });

  app.get('/api/v1/customer-segments/:id', {
    config: { access: 'customers.read' },
    schema: { tags: TAG, summary: 'One segment', params: uuidParam, response: { 200: c.segmentResponse } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const segment = await getSegment(ctx, actor, request.params.id);
    reply.header('ETag', etag(segment.version));
    return presentSegment(segment, actor);
  });

  app.post('/api/v1/customer-segments', {
    config: { access: 'customers.read' },
    schema: { tags: TAG, summary: 'Save a filter as a segment', body: c.segmentBody, response: { 201: c.segmentResponse } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.status(201).send(presentSegment(await createSegment(ctx, actor, request.body), actor));
  });

  app.patch('/api/v1/customer-segments/:id', {
    config: { access: 'customers.read' },
    schema: { tags: TAG, summary: 'Edit my segment (If-Match: version)', params: uuidParam, body: c.segmentPatch, response: { 200: c.segmentResponse } },
  }, async (request) => {
    const actor = actorOf(request);
    return presentSegment(await updateSegment(ctx, actor, request.params.id, expectedVersion(request), request.body), actor);
  });

  app.delete('/api/v1/customer-segments/:id', {
    config: { access: 'customers.read' },
    schema: { tags: TAG, summary: 'Delete my segment', params: uuidParam, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteSegment(ctx, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });
};
