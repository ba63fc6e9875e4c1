import { z } from 'zod';
import { defineEvents, type Catalogued } from '../../platform/events/catalogue.ts';

const id = z.guid();
const status = z.enum(['draft', 'published', 'archived']);

/** The knowledge base's domain events, each with its payload: ids, not text. */
export const knowledgeEvents = defineEvents({
  'article.created': z.strictObject({ articleId: id, groupId: id, language: z.string(), status, actorId: id }),
  'article.updated': z.strictObject({ articleId: id, fields: z.array(z.string()), status, actorId: id }),
});

declare module '../../platform/events/catalogue.ts' {
  interface EventRegistry extends Catalogued<typeof knowledgeEvents> {}
}
