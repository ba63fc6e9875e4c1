import { defineModule } from '../../platform/module.ts';
import { definePoolJobs } from './pool.jobs.ts';
import { poolPermissions } from './pool.permissions.ts';
import { poolEvents } from './pool.events.ts';
import { poolRoutes } from './pool.routes.ts';
import { seedPool } from './seed.ts';

export { RECYCLE_JOB } from './pool.jobs.ts';
export { recycleInactive } from './use-cases/recycle.ts';

/** CUS-7: the customer pool: daily recycling, claims with limits and cool-down, manager assignment. */
export const poolModule = defineModule({
  name: 'pool',
  permissions: poolPermissions,
  events: poolEvents,
  scopes: {
    admin: 'the whole pool',
    manager: 'the whole pool',
    sales: 'the whole pool (claims within their limit)',
    auditor: 'the whole pool (read only)',
  },
  routes: [poolRoutes],
  jobs: definePoolJobs,
  seed: (tx, shared) => seedPool(tx, shared.userIds),
});
