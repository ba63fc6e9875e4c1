import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { uuidParam } from '../../platform/http/common-schemas.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { etag, expectedVersion } from '../../platform/http/versioning.ts';
import * as c from './identity.contracts.ts';
import { presentUser } from './identity.presenters.ts';
import { createUser, setUserActive, updateUser } from './use-cases/manage-users.ts';
import { getUser, listUsers } from './use-cases/read-directory.ts';

const TAG = ['users'];

/** The staff directory (read) and user administration (admin). */
export const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/users', {
    config: { access: 'users.read' },
    schema: { tags: TAG, summary: 'List users', querystring: c.listUsersQuery, response: { 200: pageSchema(c.userResponse) } },
  }, async (request) => {
    const result = await listUsers(ctx, actorOf(request), request.query);
    return { items: result.items.map(presentUser), nextCursor: result.nextCursor };
  });

  app.get('/api/v1/users/:id', {
    config: { access: 'users.read' },
    schema: { tags: TAG, summary: 'One user', params: uuidParam, response: { 200: c.userResponse } },
  }, async (request, reply) => {
    const user = await getUser(ctx, actorOf(request), request.params.id);
    reply.header('ETag', etag(user.version));
    return presentUser(user);
  });

  app.post('/api/v1/users', {
    config: { access: 'users.manage' },
    schema: { tags: TAG, summary: 'Create a user', body: c.createUserBody, response: { 201: c.userResponse } },
  }, async (request, reply) => {
    const user = await createUser(ctx, actorOf(request), request.body);
    return reply.status(201).header('ETag', etag(user.version)).send(presentUser(user));
  });

  app.patch('/api/v1/users/:id', {
    config: { access: 'users.manage' },
    schema: { tags: TAG, summary: 'Edit a user (If-Match: version)', params: uuidParam, body: c.updateUserBody, response: { 200: c.userResponse } },
  }, async (request, reply) => {
    const user = await updateUser(ctx, actorOf(request), request.params.id, expectedVersion(request), request.body);
    reply.header('ETag', etag(user.version));
    return presentUser(user);
  });

  for (const [verb, active] of [['deactivate', false], ['activate', true]] as const) {
    app.post(`/api/v1/users/:id/${verb}`, {
      config: { access: 'users.manage' },
      schema: { tags: TAG, summary: `${verb[0].toUpperCase()}${verb.slice(1)} a user`, params: uuidParam, response: { 200: c.userResponse } },
    }, async (request) => presentUser(await setUserActive(ctx, actorOf(request), request.params.id, active)));
  }
};
