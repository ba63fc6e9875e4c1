import { z } from 'zod';
import { defineEvents, type Catalogued, fieldChange } from '../../platform/events/catalogue.ts';

const id = z.guid();

/** The identity module's domain events (users), each with its payload: ids, not text. */
export const identityEvents = defineEvents({
  'user.created': z.strictObject({ userId: id, role: z.string() }),
  /** A new role or team membership (handover starts when someone leaves a position). */
  'user.position_changed': z.strictObject({ userId: id, changes: z.array(fieldChange), actorId: id }),
  'user.activated': z.strictObject({ userId: id, actorId: id }),
  'user.deactivated': z.strictObject({ userId: id, actorId: id }),
});

declare module '../../platform/events/catalogue.ts' {
  interface EventRegistry extends Catalogued<typeof identityEvents> {}
}
