import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { pageQuery, pageSchema } from '../../platform/http/pagination.ts';
import * as c from './tickets.contracts.ts';
import { attachFile, postMessage } from './use-cases/post-message.ts';
import { listConversation } from './use-cases/read-tickets.ts';

const TAG = ['tickets'];

/** TKT-4: the conversation of a ticket — messages, internal notes (staff only) and uploads. */
export const conversationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/tickets/:idOrNumber/messages', {
    config: { access: 'tickets.read' },
    schema: {
      tags: TAG,
      summary: 'The conversation, oldest first (clients never receive internal notes)',
      params: c.ticketParam,
      querystring: z.object(pageQuery),
      response: { 200: pageSchema(c.messageResponse) },
    },
  }, async (request) => listConversation(ctx, actorOf(request), request.params.idOrNumber, request.query));

  app.post('/api/v1/tickets/:idOrNumber/messages', {
    config: { access: 'tickets.write' },
    schema: { tags: TAG, summary: 'Reply, or (staff) write an internal note', params: c.ticketParam, body: c.messageBody, response: { 201: c.messageResponse } },
  }, async (request, reply) => reply.status(201).send(await postMessage(ctx, actorOf(request), request.params.idOrNumber, request.body)));

  app.post('/api/v1/tickets/:idOrNumber/attachments', {
    config: { access: 'tickets.write' },
    schema: {
      tags: TAG,
      summary: 'Upload one file as a message (multipart field "file"; limit: setting uploads.maxMb; ?internal=true for staff)',
      consumes: ['multipart/form-data'],
      params: c.ticketParam,
      querystring: c.attachmentQuery,
      response: { 201: c.messageResponse },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const message = await attachFile(ctx, actor, request.params.idOrNumber, request.query.internal, () => ctx.files.upload(actor, request));
    return reply.status(201).send(message);
  });
};
