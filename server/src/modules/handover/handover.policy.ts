import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import { customerIdsVisibleTo } from '../customers/index.ts';
import type { HandoverRow, Stage } from './handover.repository.ts';

/**
 * CUS-6: who sees a handover and who may take which step.
 * - admin, auditor: every handover (auditors read only).
 * - manager: handovers of customers they see, and any they are part of.
 * - sales: handovers they hand over or receive.
 * Steps: preparation by the original owner (by an admin or the responsible manager when the owner
 * has left); the receiver is chosen, and the review done, by an admin or the responsible manager
 * (never the original owner); the confirmation only by the receiver.
 */
export function visibleTo(actor: Actor): SQL {
  const mine = sql`("handovers"."from_owner_id" = ${actor.userId} or "handovers"."to_owner_id" = ${actor.userId})`;
  switch (actor.role) {
    case 'admin':
    case 'auditor':
      return sql`true`;
    case 'manager':
      return sql`(${mine} or "handovers"."customer_id" in ${customerIdsVisibleTo(actor)})`;
    default:
      return mine;
  }
}

export interface StepContext {
  /** Admin, or manager of a team of the original owner or of the customer's team. */
  isResponsible: boolean;
}

export type Step = 'setReceiver' | 'prepare' | 'submit' | 'review' | 'accept';
export const STEP_STAGE: Record<Step, Stage> = { setReceiver: 'preparation', prepare: 'preparation', submit: 'preparation', review: 'review', accept: 'confirmation' };

export function isRightPerson(actor: Actor, h: HandoverRow, step: Step, c: StepContext): boolean {
  switch (step) {
    case 'setReceiver':
      return c.isResponsible && actor.userId !== h.fromOwnerId;
    case 'prepare':
    case 'submit':
      return h.fromOwnerActive ? actor.userId === h.fromOwnerId : c.isResponsible;
    case 'review':
      return c.isResponsible && actor.userId !== h.fromOwnerId;
    case 'accept':
      return actor.userId === h.toOwnerId;
  }
}

const WHO: Record<Step, string> = {
  setReceiver: 'an admin or the manager responsible for the original owner',
  prepare: 'the original owner (an admin or their manager once the owner has left)',
  submit: 'the original owner (an admin or their manager once the owner has left)',
  review: 'an admin or the manager responsible for the original owner',
  accept: 'the receiver',
};

/** Refuses a step taken in the wrong stage (409) or by the wrong person (403), with a stable code. */
export function assertStep(actor: Actor, h: HandoverRow, step: Step, c: StepContext): void {
  if (h.stage !== STEP_STAGE[step]) {
    throw new AppError('handover_wrong_stage', 409, `This handover is in ${h.stage}; this step belongs to ${STEP_STAGE[step]}.`, [
      { field: 'stage', message: `Is ${h.stage}, needs ${STEP_STAGE[step]}.` },
    ], {}, { stage: h.stage });
  }
  if (!isRightPerson(actor, h, step, c)) {
    throw new AppError('handover_wrong_person', 403, `Only ${WHO[step]} may do this.`, [{ field: 'actor', message: `Needs ${WHO[step]}.` }]);
  }
}

/** The steps the actor may take now: the web page shows exactly these buttons. */
export function allowedSteps(actor: Actor, h: HandoverRow, c: StepContext, canWork: boolean): Step[] {
  if (!canWork) return [];
  return (Object.keys(STEP_STAGE) as Step[]).filter((s) => h.stage === STEP_STAGE[s] && isRightPerson(actor, h, s, c));
}
