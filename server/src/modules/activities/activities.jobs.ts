import type { AppContext } from '../../platform/context.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { ACTIVITY_TYPES } from './activities.contracts.ts';
import { claimDueReminders } from './activities.repository.ts';
import { activityTexts as t } from './activities.texts.ts';

export const REMINDER_MINUTES = 15;
const BATCH = 500;

/** The activity type in the recipient's language (a type unknown here stays as stored). */
const typeName = (language: Language, type: string) =>
  (ACTIVITY_TYPES as readonly string[]).includes(type) ? t.text(language, `type.${type as (typeof ACTIVITY_TYPES)[number]}`) : type;

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
        title: t.localized('reminder.title', { subject: a.subject }),
        body: (language) => t.text(language, 'reminder.body', { type: typeName(language, a.type), at: a.startAt.toISOString() }),
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
