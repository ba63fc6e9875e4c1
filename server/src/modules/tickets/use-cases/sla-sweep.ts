import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import * as sla from '../sla.repository.ts';
import { emitUpdate } from '../tickets.realtime.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { ticketTexts as t } from '../tickets.texts.ts';

const BATCH = 200;
type Target = 'first_response' | 'resolution';
const label = (language: Language, target: Target) => t.text(language, `notice.slaTarget.${target}`);

/** The processor, or, while nobody has the ticket, its component's managers. */
async function recipients(tx: Db, rows: sla.ClaimedTicket[]): Promise<Map<string, string[]>> {
  const managers = await sla.componentManagers(tx, [...new Set(rows.filter((r) => !r.processorId && r.componentId).map((r) => r.componentId!))]);
  return new Map(rows.map((r) => [r.id, r.processorId ? [r.processorId] : (managers.get(r.componentId ?? '') ?? [])]));
}

/** The target a warning is about: the first response while it is still awaited and near, else the resolution. */
function warnedTarget(r: sla.ClaimedTicket): { target: Target; due: Date } {
  const now = Date.now();
  if (!r.firstResponseAt && r.firstResponseDueAt && r.firstResponseDueAt.getTime() > now && (!r.resolutionDueAt || r.firstResponseDueAt <= r.resolutionDueAt)) {
    return { target: 'first_response', due: r.firstResponseDueAt };
  }
  return { target: 'resolution', due: r.resolutionDueAt! };
}

const minutesLeft = (due: Date) => Math.max(0, Math.round((due.getTime() - Date.now()) / 60_000));

async function warnBatch(ctx: AppContext): Promise<number> {
  return ctx.database.transaction(async (tx) => {
    const rows = await sla.claimWarnings(tx, BATCH);
    const to = await recipients(tx, rows);
    for (const r of rows) {
      const { target, due } = warnedTarget(r);
      for (const userId of to.get(r.id)!) {
        await ctx.notifications.notify(tx, userId, {
          kind: 'ticket.sla_warning',
          title: `${r.number} ${r.title}`.slice(0, 200),
          body: (language) => t.text(language, 'notice.slaWarning', { target: label(language, target), minutes: minutesLeft(due), due: due.toISOString() }),
          link: `/tickets/${r.number}`,
          data: { ticketId: r.id, target, dueAt: due.toISOString() },
        });
      }
    }
    return rows.length;
  });
}

async function breachBatch(ctx: AppContext, target: Target, emitted: sla.ClaimedTicket[]): Promise<number> {
  return ctx.database.transaction(async (tx) => {
    const rows = target === 'first_response' ? await sla.claimFirstResponseBreaches(tx, BATCH) : await sla.claimResolutionBreaches(tx, BATCH);
    const to = await recipients(tx, rows);
    const field = target === 'first_response' ? 'firstResponseBreachedAt' : 'resolutionBreachedAt';
    const at = new Date().toISOString();
    // SLA figures are staff's yardstick: the timeline entry is internal.
    await appendHistory(tx, rows.map((r) => ({ entityType: 'ticket', entityId: r.id, actorId: null, action: 'sla_breached', changes: [{ field, from: null, to: at }], internal: true })));
    for (const r of rows) {
      const due = target === 'first_response' ? r.firstResponseDueAt! : r.resolutionDueAt!;
      await recordEvent(tx, 'ticket.sla_breached', { ticketId: r.id, number: r.number, target, dueAt: due.toISOString() });
      for (const userId of to.get(r.id)!) {
        await ctx.notifications.notify(tx, userId, {
          kind: 'ticket.sla_breached',
          title: `${r.number} ${r.title}`.slice(0, 200),
          body: (language) => t.text(language, 'notice.slaBreached', { target: label(language, target), due: due.toISOString() }),
          link: `/tickets/${r.number}`,
          data: { ticketId: r.id, target, dueAt: due.toISOString() },
        });
      }
    }
    emitted.push(...rows);
    return rows.length;
  });
}

async function drain(ctx: AppContext, batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await batch();
    total += n;
    if (n) ctx.afterCommit();
    if (n < BATCH) return total;
  }
}

/**
 * TKT-9 sweep: one warning per target when it comes within the policy's warn-before minutes, and a
 * breach flag (history, event, notification) once it passes unmet. Every claim is one UPDATE … WHERE …
 * RETURNING in the transaction that notifies, so a rerun or a second process never warns or flags twice.
 */
export async function runSlaSweep(ctx: AppContext): Promise<{ warned: number; firstResponseBreached: number; resolutionBreached: number }> {
  const emitted: sla.ClaimedTicket[] = [];
  const firstResponseBreached = await drain(ctx, () => breachBatch(ctx, 'first_response', emitted));
  const resolutionBreached = await drain(ctx, () => breachBatch(ctx, 'resolution', emitted));
  const warned = await drain(ctx, () => warnBatch(ctx));
  for (const r of emitted) emitUpdate(ctx, r.id, r.number, ['sla'], r.version);
  return { warned, firstResponseBreached, resolutionBreached };
}
