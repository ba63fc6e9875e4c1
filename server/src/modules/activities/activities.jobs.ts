import type { AppContext } from '../../platform/context.ts';
import { claimDueReminders } from './activities.repository.ts';

export const REMINDER_MINUTES = 15;
const BATCH = 500;

/**
 * Notifies owners of activities starting within the next 15 minutes. Claiming (reminded_at) and
 * notifying happen in one transaction: a rerun, a retry or a second process never reminds twice.
 */
export async function sendDueReminders(ctx: AppContext): Promise<number> {
  const sent = await ctx.database.transaction(async (tx) => {
    const due = await claimDueReminders(tx, REMINDER_MINUTES, BATCH);
    for (const a of due) {
      await ctx.notifications.notify(tx, a.ownerId, {
        kind: 'activity.reminder',
        title: `Starting soon: ${a.subject}`.slice(0, 200),
        body: `${a.type} at ${a.startAt.toISOString()}`,
        link: `/activities/${a.id}`,
        data: { activityId: a.id, startAt: a.startAt.toISOString() },
      });
    }
    return due.length;
  });
  if (sent) ctx.afterCommit();
  return sent;
}

export function defineActivityJobs(ctx: AppContext): void {
  ctx.jobs.define({
    name: 'activities.reminders',
    description: `Reminds owners of activities starting within ${REMINDER_MINUTES} minutes.`,
    cron: '*/5 * * * *',
    retryLimit: 1,
    handler: async () => ({ reminded: await sendDueReminders(ctx) }),
  });
}
