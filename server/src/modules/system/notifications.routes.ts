import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { uuidParam } from '../../platform/http/common-schemas.ts';
import { pageQuery } from '../../platform/http/pagination.ts';

const TAG = ['notifications'];

const notificationItem = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

/** The bell: the caller's own notifications only. New ones also arrive live as socket event `notification`. */
export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/notifications', {
    config: { access: 'authenticated' },
    schema: {
      tags: TAG,
      summary: 'My notifications, newest first',
      querystring: z.object({ ...pageQuery, unread: z.enum(['true', 'false']).optional() }),
      response: { 200: z.object({ items: z.array(notificationItem), nextCursor: z.string().nullable(), unreadCount: z.number().int() }) },
    },
  }, async (request) => {
    const { limit, cursor, unread } = request.query;
    return ctx.notifications.list(actorOf(request).userId, { limit, cursor, unreadOnly: unread === 'true' });
  });

  app.post('/api/v1/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags: TAG, summary: 'Mark all my notifications read', response: { 204: z.null() } },
  }, async (request, reply) => {
    await ctx.notifications.markAllRead(actorOf(request).userId);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/notifications/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags: TAG, summary: 'Mark one of my notifications read', params: uuidParam, response: { 204: z.null() } },
  }, async (request, reply) => {
    await ctx.notifications.markRead(actorOf(request).userId, request.params.id);
    return reply.status(204).send(null);
  });
};
