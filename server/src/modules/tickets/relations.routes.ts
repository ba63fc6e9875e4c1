import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { etag } from '../../platform/http/versioning.ts';
import * as c from './tickets.contracts.ts';
import { getTicket } from './use-cases/read-tickets.ts';
import { linkTickets, unlinkTickets } from './use-cases/relate-tickets.ts';

const TAG = ['tickets'];

/** TKT-1 related tickets: staff who work tickets link and unlink them; both answer with the ticket detail. */
export const relationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const answer = async (reply: { header(k: string, v: string): unknown }, actor: ReturnType<typeof actorOf>, id: string) => {
    const ticket = await getTicket(ctx, actor, id);
    reply.header('ETag', etag(ticket.version));
    return ticket;
  };

  app.post('/api/v1/tickets/:idOrNumber/related', {
    config: { access: 'tickets.assign' },
    schema: { tags: TAG, summary: 'Link another ticket (id or TCK number) as related; linking twice changes nothing', params: c.ticketParam, body: c.relatedBody, response: { 200: c.ticketDetailResponse } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const id = await linkTickets(ctx, actor, request.params.idOrNumber, request.body.ticket);
    return answer(reply, actor, id);
  });

  app.delete('/api/v1/tickets/:idOrNumber/related/:relatedIdOrNumber', {
    config: { access: 'tickets.assign' },
    schema: { tags: TAG, summary: 'Remove the link between two tickets (whichever side made it)', params: c.relatedParam, response: { 200: c.ticketDetailResponse } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const id = await unlinkTickets(ctx, actor, request.params.idOrNumber, request.params.relatedIdOrNumber);
    return answer(reply, actor, id);
  });
};
