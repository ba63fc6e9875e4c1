import type { AppContext } from '../../platform/context.ts';
import { recycleInactive } from './use-cases/recycle.ts';

export const RECYCLE_JOB = 'pool.recycle';

/** The daily CUS-7 sweep; also runnable by hand from the jobs page. Idempotent (see recycleInactive). */
export function definePoolJobs(ctx: AppContext): void {
  ctx.jobs.define({
    name: RECYCLE_JOB,
    description: 'Moves customers without follow-up for the admin-set number of days into the customer pool.',
    cron: '15 1 * * *',
    retryLimit: 2,
    handler: async () => recycleInactive(ctx),
  });
}
