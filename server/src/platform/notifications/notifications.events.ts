import { z } from 'zod';
import { defineEvents, type Catalogued } from '../events/catalogue.ts';

/** The platform's own event: a notification to deliver after commit (socket push, e-mail). */
export const notificationEvents = defineEvents({
  'notification.created': z.strictObject({
    notificationId: z.guid().nullable(),
    userId: z.guid(),
    kind: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable(),
  }),
});

declare module '../events/catalogue.ts' {
  interface EventRegistry extends Catalogued<typeof notificationEvents> {}
}
