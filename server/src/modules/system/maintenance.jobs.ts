import type { AppContext } from '../../platform/context.ts';
import { pruneDispatched } from '../../platform/events/outbox.ts';
import { IDEMPOTENCY_TTL_HOURS } from '../../platform/http/idempotency.ts';
import { pruneIdempotencyKeys } from '../../platform/http/idempotency.repository.ts';
import { deleteExpiredSessions } from '../identity/index.ts';

const OUTBOX_RETENTION_DAYS = 7;

/** Housekeeping that belongs to no single request. Defined before the job service starts. */
export function defineMaintenanceJobs(ctx: AppContext): void {
  ctx.jobs.define({
    name: 'sessions.cleanup',
    description: 'Deletes expired sign-in sessions.',
    cron: '0 * * * *',
    retryLimit: 1,
    handler: async () => ({ deleted: await deleteExpiredSessions(ctx.database.db) }),
  });
  ctx.jobs.define({
    name: 'outbox.prune',
    description: `Deletes domain events dispatched more than ${OUTBOX_RETENTION_DAYS} days ago.`,
    cron: '30 3 * * *',
    retryLimit: 1,
    handler: async () => ({ deleted: await pruneDispatched(ctx.database.db, OUTBOX_RETENTION_DAYS) }),
  });
  ctx.jobs.define({
    name: 'idempotency.prune',
    description: `Deletes Idempotency-Key answers older than ${IDEMPOTENCY_TTL_HOURS} hours.`,
    cron: '15 * * * *',
    retryLimit: 1,
    handler: async () => ({ deleted: await pruneIdempotencyKeys(ctx.database.db, IDEMPOTENCY_TTL_HOURS) }),
  });
}
