import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth-hook.ts';
import type { AppContext } from '../context.ts';
import { uuidParam } from '../http/common-schemas.ts';
import { etag, expectedVersion } from '../http/versioning.ts';
import * as cf from './custom-fields.ts';
import { createDefinition, listDefinitions, updateDefinition } from './manage-definitions.ts';

const TAG = ['custom fields'];

/** PLT-11: staff read the definitions (forms, columns, filters), clients those of ticket fields shown to them; admins define them. */
export const customFieldRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/custom-fields', {
    config: { access: 'custom_fields.read' },
    schema: {
      tags: TAG,
      summary: 'Custom field definitions of an entity, in display order',
      querystring: z.strictObject({ entity: z.enum(cf.CUSTOM_FIELD_ENTITIES) }),
      response: { 200: z.object({ items: z.array(cf.definitionResponse) }) },
    },
  }, async (request) => ({ items: await listDefinitions(ctx, actorOf(request), request.query.entity) }));

  app.post('/api/v1/custom-fields', {
    config: { access: 'custom_fields.manage' },
    schema: { tags: TAG, summary: 'Define a custom field', body: cf.createDefinitionBody, response: { 201: cf.definitionResponse } },
  }, async (request, reply) => reply.status(201).send(await createDefinition(ctx, actorOf(request), request.body)));

  app.patch('/api/v1/custom-fields/:id', {
    config: { access: 'custom_fields.manage' },
    schema: { tags: TAG, summary: 'Edit a custom field (If-Match: version); key and type are fixed', params: uuidParam, body: cf.updateDefinitionBody, response: { 200: cf.definitionResponse } },
  }, async (request, reply) => {
    const updated = await updateDefinition(ctx, actorOf(request), request.params.id, expectedVersion(request), request.body);
    reply.header('ETag', etag(updated.version));
    return updated;
  });
};
