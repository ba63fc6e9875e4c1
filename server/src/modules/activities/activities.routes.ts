import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { customerIdOrNumber, uuidParam } from '../../platform/http/common-schemas.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { etag, expectedVersion } from '../../platform/http/versioning.ts';
import { z } from 'zod';
import * as c from './activities.contracts.ts';
import { presentActivity } from './activities.presenters.ts';
import { completeActivity, createActivity, updateActivity } from './use-cases/manage-activities.ts';
import { customerActivities, getActivity, listActivities, myDay } from './use-cases/read-activities.ts';

const TAG = ['activities'];
const customerParam = z.object({ idOrNumber: customerIdOrNumber('A customer id or number.') });

/** SAL-6 activities: lists (mine, calendar, a customer's), my day, create, edit, complete. */
export const activityRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const one = async (actor: ReturnType<typeof actorOf>, id: string) => presentActivity(await getActivity(ctx, actor, id));

  app.get('/api/v1/activities', {
    config: { access: 'activities.read' },
    schema: { tags: TAG, summary: 'List activities (mine, by owner, customer, ticket, status, type, calendar window from/to)', querystring: c.listActivitiesQuery, response: { 200: pageSchema(c.activityResponse) } },
  }, async (request) => listActivities(ctx, actorOf(request), request.query));

  app.get('/api/v1/activities/my-day', {
    config: { access: 'activities.read' },
    schema: { tags: TAG, summary: "My day in my time zone: overdue first, then today's activities", response: { 200: c.myDayResponse } },
  }, async (request) => myDay(ctx, actorOf(request)));

  app.get('/api/v1/activities/:id', {
    config: { access: 'activities.read' },
    schema: { tags: TAG, summary: 'One activity', params: uuidParam, response: { 200: c.activityResponse } },
  }, async (request, reply) => {
    const activity = await one(actorOf(request), request.params.id);
    reply.header('ETag', etag(activity.version));
    return activity;
  });

  app.post('/api/v1/activities', {
    config: { access: 'activities.write' },
    schema: { tags: TAG, summary: 'Plan or log an activity', body: c.createActivityBody, response: { 201: c.activityResponse } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const id = await createActivity(ctx, actor, request.body);
    return reply.status(201).send(await one(actor, id));
  });

  app.patch('/api/v1/activities/:id', {
    config: { access: 'activities.write' },
    schema: { tags: TAG, summary: 'Edit an activity (If-Match: version)', params: uuidParam, body: c.updateActivityBody, response: { 200: c.activityResponse } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    await updateActivity(ctx, actor, request.params.id, expectedVersion(request), request.body);
    const activity = await one(actor, request.params.id);
    reply.header('ETag', etag(activity.version));
    return activity;
  });

  app.post('/api/v1/activities/:id/complete', {
    config: { access: 'activities.write' },
    schema: { tags: TAG, summary: "Complete with outcome and follow-up (updates the customer's last and next contact)", params: uuidParam, body: c.completeActivityBody, response: { 200: c.activityResponse } },
  }, async (request) => {
    const actor = actorOf(request);
    await completeActivity(ctx, actor, request.params.id, request.body);
    return one(actor, request.params.id);
  });

  app.get('/api/v1/customers/:idOrNumber/activities', {
    config: { access: 'activities.read' },
    schema: { tags: TAG, summary: "A customer's activities, newest first", params: customerParam, querystring: c.customerActivitiesQuery, response: { 200: pageSchema(c.activityResponse) } },
  }, async (request) => customerActivities(ctx, actorOf(request), request.params.idOrNumber, request.query));
};
