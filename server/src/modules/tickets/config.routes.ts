import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { iso } from '../../platform/http/common-schemas.ts';
import { etag, expectedVersion } from '../../platform/http/versioning.ts';
import * as cc from './config.contracts.ts';
import { viewBody } from './tickets.contracts.ts';
import { createComponent, createType, setAvailability, updateComponent, updateType } from './use-cases/manage-config.ts';
import { readTicketComponents, readTicketTypes } from './use-cases/read-config.ts';
import { deleteView, listSavedViews, saveView } from './use-cases/saved-views.ts';

const TAG = ['tickets'];
const viewResponse = z.object({ id: z.uuid(), name: z.string(), filter: z.record(z.string(), z.unknown()), createdAt: z.string().nullable() });
const presentView = (v: { id: string; name: string; filter: unknown; createdAt: Date | null }) => ({ ...v, filter: v.filter as Record<string, unknown>, createdAt: iso(v.createdAt) });

/** TKT-2 types, components (queues) and per-user saved views. */
export const ticketConfigRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/ticket-types', {
    config: { access: 'tickets.read' },
    schema: { tags: TAG, summary: 'Ticket types with the fields each asks for', response: { 200: z.object({ items: z.array(cc.typeResponse) }) } },
  }, async (request) => ({ items: await readTicketTypes(ctx, actorOf(request)) }));

  app.post('/api/v1/ticket-types', {
    config: { access: 'tickets.manage' },
    schema: { tags: TAG, summary: 'Add a ticket type', body: cc.createTypeBody, response: { 201: cc.typeResponse } },
  }, async (request, reply) => reply.status(201).send(await createType(ctx, actorOf(request), request.body)));

  app.patch('/api/v1/ticket-types/:id', {
    config: { access: 'tickets.manage' },
    schema: { tags: TAG, summary: 'Edit a ticket type (If-Match: version)', params: cc.configIdParam, body: cc.updateTypeBody, response: { 200: cc.typeResponse } },
  }, async (request, reply) => {
    const type = await updateType(ctx, actorOf(request), request.params.id, expectedVersion(request), request.body);
    reply.header('ETag', etag(type.version));
    return type;
  });

  app.get('/api/v1/ticket-components', {
    config: { access: 'tickets.read' },
    schema: { tags: TAG, summary: 'Components (queues) with their responsible staff (clients: names only)', response: { 200: z.object({ items: z.array(cc.componentResponse) }) } },
  }, async (request) => ({ items: await readTicketComponents(ctx, actorOf(request)) }));

  app.post('/api/v1/ticket-components', {
    config: { access: 'tickets.manage' },
    schema: { tags: TAG, summary: 'Add a component with its responsible staff', body: cc.createComponentBody, response: { 201: cc.componentResponse } },
  }, async (request, reply) => reply.status(201).send(await createComponent(ctx, actorOf(request), request.body)));

  app.patch('/api/v1/ticket-components/:id', {
    config: { access: 'tickets.manage' },
    schema: { tags: TAG, summary: 'Edit a component or its staff (If-Match: version)', params: cc.configIdParam, body: cc.updateComponentBody, response: { 200: cc.componentResponse } },
  }, async (request, reply) => {
    const component = await updateComponent(ctx, actorOf(request), request.params.id, expectedVersion(request), request.body);
    reply.header('ETag', etag(component.version));
    return component;
  });

  app.post('/api/v1/ticket-components/:id/availability', {
    config: { access: 'tickets.assign' },
    schema: { tags: TAG, summary: 'Mark yourself available or away in one of your components (404 if you are not its staff)', params: cc.configIdParam, body: cc.availabilityBody, response: { 200: cc.componentResponse } },
  }, async (request) => setAvailability(ctx, actorOf(request), request.params.id, request.body.available));

  app.get('/api/v1/ticket-views', {
    config: { access: 'tickets.read' },
    schema: { tags: TAG, summary: "The caller's saved ticket views (built-in: my_open, unassigned)", response: { 200: z.object({ items: z.array(viewResponse) }) } },
  }, async (request) => ({
    items: (await listSavedViews(ctx, actorOf(request))).map(presentView),
  }));

  app.post('/api/v1/ticket-views', {
    config: { access: 'tickets.read' },
    schema: { tags: TAG, summary: 'Save a ticket view (a name and list filters)', body: viewBody, response: { 201: viewResponse } },
  }, async (request, reply) => {
    return reply.status(201).send(presentView(await saveView(ctx, actorOf(request), request.body)));
  });

  app.delete('/api/v1/ticket-views/:id', {
    config: { access: 'tickets.read' },
    schema: { tags: TAG, summary: 'Delete one of your saved views', params: cc.configIdParam },
  }, async (request, reply) => {
    await deleteView(ctx, actorOf(request), request.params.id);
    return reply.status(204).send();
  });
};
