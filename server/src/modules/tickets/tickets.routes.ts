import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { pageQuery, pageSchema } from '../../platform/http/pagination.ts';
import { etag, expectedVersion } from '../../platform/http/versioning.ts';
import * as c from './tickets.contracts.ts';
import { changeStatus } from './use-cases/change-status.ts';
import { createTicket } from './use-cases/create-ticket.ts';
import { getCreatedTicket, getTicket, listTickets, ticketHistory } from './use-cases/read-tickets.ts';
import { assignTicket, updateTicket } from './use-cases/update-ticket.ts';

const TAG = ['tickets'];

/** TKT-1/3/5/13: tickets for staff and the client portal alike; every read is scoped by tickets.policy. */
export const ticketRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const answer = async (reply: { header(k: string, v: string): unknown }, actor: ReturnType<typeof actorOf>, id: string) => {
    const ticket = await getTicket(ctx, actor, id);
    reply.header('ETag', etag(ticket.version));
    return ticket;
  };

  app.get('/api/v1/tickets', {
    config: { access: 'tickets.read' },
    schema: {
      tags: TAG,
      summary: 'List tickets: filters, words or a TCK number (q), views (my_open, unassigned, saved), keyset cursor',
      querystring: c.listTicketsQuery,
      response: { 200: pageSchema(c.ticketResponse) },
    },
  }, async (request) => listTickets(ctx, actorOf(request), request.query));

  app.post('/api/v1/tickets', {
    config: { access: 'tickets.write' },
    schema: { tags: TAG, summary: "Open a ticket (clients: for their own customer, with the type's fields)", body: c.createTicketBody, response: { 201: c.ticketDetailResponse } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const ticket = await getCreatedTicket(ctx, actor, await createTicket(ctx, actor, request.body));
    reply.header('ETag', etag(ticket.version));
    return reply.status(201).send(ticket);
  });

  app.get('/api/v1/tickets/:idOrNumber', {
    config: { access: 'tickets.read' },
    schema: { tags: TAG, summary: 'One ticket by id or number (TCK-NNNNNN)', params: c.ticketParam, response: { 200: c.ticketDetailResponse } },
  }, async (request, reply) => answer(reply, actorOf(request), request.params.idOrNumber));

  app.patch('/api/v1/tickets/:idOrNumber', {
    config: { access: 'tickets.write' },
    schema: { tags: TAG, summary: 'Edit a ticket (If-Match: version)', params: c.ticketParam, body: c.updateTicketBody, response: { 200: c.ticketDetailResponse } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const id = await updateTicket(ctx, actor, request.params.idOrNumber, expectedVersion(request), request.body);
    return answer(reply, actor, id);
  });

  app.post('/api/v1/tickets/:idOrNumber/status', {
    config: { access: 'tickets.write' },
    schema: { tags: TAG, summary: 'Move along the status graph (If-Match: version)', params: c.ticketParam, body: c.statusBody, response: { 200: c.ticketDetailResponse } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const id = await changeStatus(ctx, actor, request.params.idOrNumber, expectedVersion(request), request.body.status);
    return answer(reply, actor, id);
  });

  app.post('/api/v1/tickets/:idOrNumber/assign', {
    config: { access: 'tickets.assign' },
    schema: { tags: TAG, summary: 'Choose the processor and/or component (If-Match: version)', params: c.ticketParam, body: c.assignBody, response: { 200: c.ticketDetailResponse } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const id = await assignTicket(ctx, actor, request.params.idOrNumber, expectedVersion(request), request.body);
    return answer(reply, actor, id);
  });

  app.get('/api/v1/tickets/:idOrNumber/history', {
    config: { access: 'tickets.read' },
    schema: {
      tags: TAG,
      summary: 'The ticket timeline, newest first, with names (clients: public entries only)',
      params: c.ticketParam,
      querystring: z.object(pageQuery),
      response: { 200: pageSchema(c.historyEntryResponse) },
    },
  }, async (request) => ticketHistory(ctx, actorOf(request), request.params.idOrNumber, request.query));
};
