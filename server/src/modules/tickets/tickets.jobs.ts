import type { AppContext } from '../../platform/context.ts';
import { autoCloseTickets } from './use-cases/auto-close.ts';
import { consolidateTickets } from './use-cases/consolidate-tickets.ts';
import { distributeTickets } from './use-cases/distribute-tickets.ts';
import { remindFollowUps } from './use-cases/follow-ups.ts';
import { runSlaSweep } from './use-cases/sla-sweep.ts';

export const TICKET_JOBS = {
  sla: 'tickets.sla',
  autoClose: 'tickets.auto-close',
  distribute: 'tickets.distribute',
  followUps: 'tickets.follow-ups',
  consolidate: 'tickets.consolidate',
} as const;

/**
 * The ticket sweeps (TKT-6, 9, 10). Each is idempotent (its claim is the change it makes), so a
 * rerun, a retry, a hand-started run or a second process never repeats a warning, close or merge.
 */
export function defineTicketJobs(ctx: AppContext): void {
  ctx.jobs.define({
    name: TICKET_JOBS.sla,
    description: 'Warns before SLA targets and flags missed first-response and resolution targets.',
    cron: '*/5 * * * *',
    retryLimit: 1,
    handler: async () => runSlaSweep(ctx),
  });
  ctx.jobs.define({
    name: TICKET_JOBS.autoClose,
    description: 'Closes tickets waiting on the customer with no activity for the admin-set number of days.',
    cron: '0 * * * *',
    retryLimit: 2,
    handler: async () => autoCloseTickets(ctx),
  });
  ctx.jobs.define<{ componentId?: string }>({
    name: TICKET_JOBS.distribute,
    description: 'Hands unassigned new tickets to available agents of round-robin and least-load components.',
    cron: '* * * * *',
    retryLimit: 1,
    handler: async (data) => distributeTickets(ctx, typeof data?.componentId === 'string' ? data.componentId : undefined),
  });
  ctx.jobs.define({
    name: TICKET_JOBS.followUps,
    description: 'Reminds processors of follow-ups that are due.',
    cron: '*/5 * * * *',
    retryLimit: 1,
    handler: async () => remindFollowUps(ctx),
  });
  ctx.jobs.define({
    name: TICKET_JOBS.consolidate,
    description: 'Merges duplicate open tickets of one customer and source created within the admin-set hours.',
    cron: '*/15 * * * *',
    retryLimit: 1,
    handler: async () => consolidateTickets(ctx),
  });
}
