import { z } from 'zod';
import { defineEvents, type Catalogued } from '../../platform/events/catalogue.ts';

const id = z.guid();

/** The activities module's domain events, each with its payload: ids, not text. */
export const activitiesEvents = defineEvents({
  'activity.created': z.strictObject({ activityId: id, type: z.string(), customerId: id.nullable(), ownerId: id.nullable(), actorId: id }),
  'activity.updated': z.strictObject({ activityId: id, fields: z.array(z.string()), actorId: id }),
  'activity.completed': z.strictObject({ activityId: id, customerId: id.nullable(), actorId: id }),
});

declare module '../../platform/events/catalogue.ts' {
  interface EventRegistry extends Catalogued<typeof activitiesEvents> {}
}
