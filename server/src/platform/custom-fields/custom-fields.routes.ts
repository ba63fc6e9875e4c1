import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendHistory, diff } from '../audit/history.ts';
import { actorOf } from '../auth/auth-hook.ts';
import type { AppContext } from '../context.ts';
import { uuidParam } from '../http/common-schemas.ts';
import { conflict, notFound, staleVersion, unprocessable } from '../http/errors.ts';
import { etag, expectedVersion } from '../http/versioning.ts';
import * as cf from './custom-fields.ts';
import * as repo from './custom-fields.repository.ts';

const TAG = ['custom fields'];

/** PLT-11: staff read the definitions (forms, columns, filters); admins define them. */
export const customFieldRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/custom-fields', {
    config: { access: 'custom_fields.read' },
    schema: {
      tags: TAG,
      summary: 'Custom field definitions of an entity, in display order',
      querystring: z.strictObject({ entity: z.enum(cf.CUSTOM_FIELD_ENTITIES) }),
      response: { 200: z.object({ items: z.array(cf.definitionResponse) }) },
    },
  }, async (request) => ({ items: await repo.listDefinitions(ctx.database.db, request.query.entity) }));

  app.post('/api/v1/custom-fields', {
    config: { access: 'custom_fields.manage' },
    schema: { tags: TAG, summary: 'Define a custom field', body: cf.createDefinitionBody, response: { 201: cf.definitionResponse } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { label, options, ...rest } = request.body;
    const created = await ctx.database.transaction(async (tx) => {
      if (await repo.keyTaken(tx, rest.entity, rest.key)) {
        throw conflict('custom_field_exists', `The ${rest.entity} field "${rest.key}" already exists.`, [{ field: 'key', message: 'Already in use.' }]);
      }
      const row = await repo.insertDefinition(tx, { ...rest, ...cf.splitLabel(label), options: options ?? [] });
      await appendHistory(tx, {
        entityType: 'custom_field',
        entityId: row.id,
        actorId: actor.userId,
        action: 'created',
        changes: [{ field: 'key', from: null, to: row.key }, { field: 'type', from: null, to: row.type }],
      });
      return row;
    });
    return reply.status(201).send(created);
  });

  app.patch('/api/v1/custom-fields/:id', {
    config: { access: 'custom_fields.manage' },
    schema: { tags: TAG, summary: 'Edit a custom field (If-Match: version); key and type are fixed', params: uuidParam, body: cf.updateDefinitionBody, response: { 200: cf.definitionResponse } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const version = expectedVersion(request);
    const updated = await ctx.database.transaction(async (tx) => {
      const before = await repo.getDefinition(tx, request.params.id);
      if (!before) throw notFound('custom field');
      if (before.version !== version) throw staleVersion();
      const { label, ...rest } = request.body;
      const next = { ...rest, ...(label !== undefined ? cf.splitLabel(label) : {}) };
      const choice = before.type === 'select' || before.type === 'multi-select';
      if (next.options !== undefined && choice !== next.options.length > 0) {
        throw unprocessable('invalid_options', choice ? 'A select field needs options.' : 'Only select fields have options.', [{ field: 'options', message: 'Not valid for this type.' }]);
      }
      const changes = diff(before as unknown as Record<string, unknown>, next as Record<string, unknown>);
      if (!changes.length) return before;
      const row = await repo.updateDefinition(tx, before.id, version, next);
      if (!row) throw staleVersion();
      await appendHistory(tx, { entityType: 'custom_field', entityId: row.id, actorId: actor.userId, action: 'updated', changes });
      return row;
    });
    reply.header('ETag', etag(updated.version));
    return updated;
  });
};
