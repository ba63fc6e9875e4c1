import type { Db } from '../../../platform/db/database.ts';
import { dueDates } from '../sla.ts';
import * as sla from '../sla.repository.ts';

type TargetValues = {
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  slaWarnedAt?: null;
  firstResponseBreachedAt?: Date | null;
  resolutionBreachedAt?: Date | null;
};

/**
 * A new priority: the clock still started when the customer asked, so both targets count from the
 * ticket's creation under the new policy. The warning may go out again; a breach flag stays only
 * if the new target is missed too (the sweep flags a newly missed one).
 */
export async function targetsForPriority(tx: Db, ticketId: string, priority: number, now = new Date()): Promise<TargetValues> {
  const state = (await sla.slaState(tx, ticketId))!;
  const due = dueDates(await sla.findPolicy(tx, priority), state.createdAt);
  const stillMissed = (d: Date | null) => Boolean(d && d <= now);
  return {
    ...due,
    slaWarnedAt: null,
    // A first response that came is history: its breach (if any) stands.
    firstResponseBreachedAt: state.firstResponseAt || stillMissed(due.firstResponseDueAt) ? state.firstResponseBreachedAt : null,
    resolutionBreachedAt: stillMissed(due.resolutionDueAt) ? state.resolutionBreachedAt : null,
  };
}

/** A reopened ticket gets a fresh resolution target from now; the first-response target is unchanged. */
export async function targetsForReopen(tx: Db, ticketId: string, priority: number, now = new Date()): Promise<Omit<TargetValues, 'firstResponseDueAt'>> {
  const due = dueDates(await sla.findPolicy(tx, priority), now);
  return { resolutionDueAt: due.resolutionDueAt, resolutionBreachedAt: null, slaWarnedAt: null };
}
