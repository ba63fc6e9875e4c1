import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { readHistory } from '../../platform/audit/history.ts';
import { decodeCursor, page, pageQuery, pageSchema } from '../../platform/http/pagination.ts';

const TAG = ['history'];

const historyItem = z.object({
  id: z.number().int(),
  action: z.string(),
  actorId: z.uuid().nullable(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  internal: z.boolean(),
  at: z.string(),
});

/** PLT-5: the append-only history of one record, newest first. */
export const historyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/history/:entityType/:entityId', {
    config: { access: 'audit.read' },
    schema: {
      tags: TAG,
      summary: "A record's change history (who, when, which fields from what to what)",
      params: z.object({ entityType: z.string().regex(/^[a-z][a-z_]{0,39}$/), entityId: z.uuid() }),
      querystring: z.object(pageQuery),
      response: { 200: pageSchema(historyItem) },
    },
  }, async (request) => {
    const { entityType, entityId } = request.params;
    const { limit, cursor } = request.query;
    const beforeId = decodeCursor(cursor, z.tuple([z.number().int().positive()]))?.[0];
    // audit.read is a staff permission: staff see internal entries too.
    const rows = await readHistory(ctx.database.db, { entityType, entityId, limit, beforeId, includeInternal: true });
    const result = page(rows, limit, (h) => [h.id]);
    return {
      items: result.items.map((h) => ({
        id: h.id,
        action: h.action,
        actorId: h.actorId,
        changes: (h.changes ?? []) as { field: string; from: unknown; to: unknown }[],
        internal: h.internal,
        at: h.at.toISOString(),
      })),
      nextCursor: result.nextCursor,
    };
  });
};
