import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { etag, expectedVersion } from '../../platform/http/versioning.ts';
import * as c from './tickets.contracts.ts';
import { escalateTicket } from './use-cases/escalate-ticket.ts';
import { rateTicket } from './use-cases/rate-ticket.ts';
import { getTicket } from './use-cases/read-tickets.ts';

const TAG = ['tickets'];

/** TKT-7 escalation and TKT-12 satisfaction: both answer with the ticket detail and its new ETag. */
export const escalationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post('/api/v1/tickets/:idOrNumber/escalate', {
    config: { access: 'tickets.write' },
    schema: {
      tags: TAG,
      summary: 'Escalate a priority 4–5 ticket one level, with a reason (staff or the ticket’s client; If-Match: version)',
      params: c.ticketParam,
      body: c.escalateBody,
      response: { 200: c.ticketDetailResponse },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const id = await escalateTicket(ctx, actor, request.params.idOrNumber, expectedVersion(request), request.body.reason);
    const ticket = await getTicket(ctx, actor, id);
    reply.header('ETag', etag(ticket.version));
    return ticket;
  });

  app.post('/api/v1/tickets/:idOrNumber/satisfaction', {
    config: { access: 'tickets.rate' },
    schema: {
      tags: TAG,
      summary: 'Rate a resolved or closed ticket 1–5 with an optional comment (the client; a new rating replaces the last)',
      params: c.ticketParam,
      body: c.satisfactionBody,
      response: { 200: c.ticketDetailResponse },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const id = await rateTicket(ctx, actor, request.params.idOrNumber, request.body);
    const ticket = await getTicket(ctx, actor, id);
    reply.header('ETag', etag(ticket.version));
    return ticket;
  });
};
