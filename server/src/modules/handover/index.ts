import { defineModule } from '../../platform/module.ts';
import { handoverPermissions } from './handover.permissions.ts';
import { handoverEvents } from './handover.events.ts';
import { handoverRoutes } from './handover.routes.ts';
import { seedHandovers } from './seed.ts';
import { subscribeHandoverTriggers } from './use-cases/start-handovers.ts';

export { startHandovers } from './use-cases/start-handovers.ts';
// For the pool's recycling: a customer being handed over stays put; a completed handover counts as a follow-up.
export { customerHasOpenHandover, lastHandoverCompletedAt, openHandoverExists } from './handover.repository.ts';

/** CUS-6: handing a leaver's customers to colleagues, step by step, with the new-contact e-mail. */
export const handoverModule = defineModule({
  name: 'handover',
  permissions: handoverPermissions,
  events: handoverEvents,
  scopes: {
    admin: 'every handover',
    manager: 'handovers of the customers they see, and those they are part of',
    sales: 'handovers they give or receive',
    auditor: 'every handover (read only)',
  },
  routes: [handoverRoutes],
  subscribers: subscribeHandoverTriggers,
  seed: (tx, shared) => seedHandovers(tx, shared.userIds),
});
