import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { conflict, notFound, unprocessable } from '../../../platform/http/errors.ts';
import type { Localized } from '../../../platform/notifications/notifications.ts';
import { assertStep, type Step, visibleTo } from '../handover.policy.ts';
import { handoverTexts as t } from '../handover.texts.ts';
import * as repo from '../handover.repository.ts';
import { completeHandover } from './complete.ts';
import type { Language } from '../../../platform/i18n/languages.ts';

export async function stepContext(tx: Db, actor: Actor, h: repo.HandoverRow) {
  if (actor.role === 'admin') return { isResponsible: true };
  if (actor.role !== 'manager') return { isResponsible: false };
  return { isResponsible: (await repo.responsibleManagers(tx, h.fromOwnerId, h.customer.teamId)).includes(actor.userId) };
}

/** Loads (locked), checks stage and person, runs the step, records history; one transaction. */
async function step(ctx: AppContext, actor: Actor, id: string, name: Step, run: (tx: Db, h: repo.HandoverRow) => Promise<void>) {
  await ctx.database.transaction(async (tx) => {
    const h = await repo.findHandover(tx, id, visibleTo(actor), true);
    if (!h) throw notFound('handover');
    assertStep(actor, h, name, await stepContext(tx, actor, h));
    await run(tx, h);
  });
  ctx.afterCommit();
}

const moved = async (tx: Db, h: repo.HandoverRow, to: repo.Stage, values: Parameters<typeof repo.moveStage>[3] = {}) => {
  if (!(await repo.moveStage(tx, h.id, h.stage as repo.Stage, { ...values, stage: to }))) {
    throw conflict('handover_wrong_stage', 'Someone else moved this handover on meanwhile. Reload.', [{ field: 'stage', message: 'Changed meanwhile.' }]);
  }
};

type StepTitle = 'step.receiverChosen' | 'step.submitted' | 'step.approved' | 'step.sentBack' | 'step.completed';

/** Tells the people concerned, each in their own language: "<number> <name>: <step>" and what happened. */
async function tell(ctx: AppContext, tx: Db, userIds: (string | null | undefined)[], actor: Actor, h: repo.HandoverRow, step: StepTitle, body: Localized) {
  const title = (language: Language) =>
    t.text(language, 'step.title', { number: h.customer.number, name: h.customer.name, step: t.text(language, step) });
  for (const userId of new Set(userIds.filter((u): u is string => Boolean(u) && u !== actor.userId))) {
    await ctx.notifications.notify(tx, userId, { kind: 'handover.step', title, body, link: `/handovers/${h.id}` });
  }
}

export function setReceiver(ctx: AppContext, actor: Actor, id: string, receiverId: string) {
  return step(ctx, actor, id, 'setReceiver', async (tx, h) => {
    const receiver = await repo.receiverCandidate(tx, receiverId);
    if (!receiver || receiverId === h.fromOwnerId) {
      throw unprocessable('invalid_receiver', 'The receiver must be an active sales rep, manager or admin other than the original owner.', [
        { field: 'receiverId', message: 'Not a possible receiver.' },
      ]);
    }
    await moved(tx, h, 'preparation', { toOwnerId: receiverId });
    await appendHistory(tx, { entityType: 'handover', entityId: h.id, actorId: actor.userId, action: 'receiver_chosen', changes: [{ field: 'toOwnerId', from: h.toOwnerId, to: receiverId }] });
    await tell(ctx, tx, [h.fromOwnerActive ? h.fromOwnerId : null], actor, h, 'step.receiverChosen', t.localized('step.receiverChosenBody', { receiver: receiver.name }));
  });
}

export function updateItem(ctx: AppContext, actor: Actor, id: string, itemId: string, input: { completed?: boolean; note?: string | null }) {
  return step(ctx, actor, id, 'prepare', async (tx, h) => {
    const values = {
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.completed !== undefined ? { completed: input.completed, completedBy: input.completed ? actor.userId : null, completedAt: input.completed ? new Date() : null } : {}),
    };
    const item = await repo.updateItem(tx, h.id, itemId, values);
    if (!item) throw notFound('checklist item');
    const changes = Object.entries(input).map(([field, to]) => ({ field: `${item.kind}.${field}`, from: null, to }));
    await appendHistory(tx, { entityType: 'handover', entityId: h.id, actorId: actor.userId, action: 'item_updated', changes });
  });
}

export function submitForReview(ctx: AppContext, actor: Actor, id: string) {
  return step(ctx, actor, id, 'submit', async (tx, h) => {
    if (!h.toOwnerId) throw unprocessable('receiver_missing', 'Choose the receiver before submitting.', [{ field: 'receiverId', message: 'Required.' }]);
    if (h.itemsDone < h.itemsTotal) {
      throw unprocessable('checklist_incomplete', `${h.itemsTotal - h.itemsDone} checklist item(s) are not completed.`, [{ field: 'items', message: 'Complete every item first.' }]);
    }
    await moved(tx, h, 'review', { submittedAt: new Date(), returnReason: null });
    await appendHistory(tx, { entityType: 'handover', entityId: h.id, actorId: actor.userId, action: 'submitted', changes: [{ field: 'stage', from: 'preparation', to: 'review' }] });
    const managers = await repo.responsibleManagers(tx, h.fromOwnerId, h.customer.teamId);
    await tell(ctx, tx, managers.length ? managers : await repo.activeAdmins(tx), actor, h, 'step.submitted', t.localized('step.submittedBody', { actor: actor.name }));
  });
}

export function approve(ctx: AppContext, actor: Actor, id: string) {
  return step(ctx, actor, id, 'review', async (tx, h) => {
    await moved(tx, h, 'confirmation', { reviewedBy: actor.userId, reviewedAt: new Date() });
    await appendHistory(tx, { entityType: 'handover', entityId: h.id, actorId: actor.userId, action: 'approved', changes: [{ field: 'stage', from: 'review', to: 'confirmation' }] });
    await tell(ctx, tx, [h.toOwnerId], actor, h, 'step.approved', t.localized('step.approvedBody', { actor: actor.name }));
  });
}

export function sendBack(ctx: AppContext, actor: Actor, id: string, reason: string) {
  return step(ctx, actor, id, 'review', async (tx, h) => {
    await moved(tx, h, 'preparation', { returnReason: reason, reviewedBy: actor.userId, reviewedAt: new Date() });
    await appendHistory(tx, {
      entityType: 'handover',
      entityId: h.id,
      actorId: actor.userId,
      action: 'sent_back',
      changes: [{ field: 'stage', from: 'review', to: 'preparation' }, { field: 'returnReason', from: null, to: reason }],
    });
    await tell(ctx, tx, [h.fromOwnerActive ? h.fromOwnerId : null, ...(await repo.responsibleManagers(tx, h.fromOwnerId, h.customer.teamId))], actor, h, 'step.sentBack', reason);
  });
}

export function accept(ctx: AppContext, actor: Actor, id: string) {
  return step(ctx, actor, id, 'accept', async (tx, h) => {
    await moved(tx, h, 'completed', { completedAt: new Date() });
    await completeHandover(ctx, tx, actor, h);
    await recordEvent(tx, 'handover.completed', { handoverId: h.id, customerId: h.customerId, fromOwnerId: h.fromOwnerId, toOwnerId: h.toOwnerId });
    await tell(ctx, tx, [h.fromOwnerActive ? h.fromOwnerId : null, h.reviewedBy?.id, ...(await repo.responsibleManagers(tx, h.fromOwnerId, h.customer.teamId))], actor, h, 'step.completed', t.localized('step.completedBody', { actor: actor.name }));
  });
}
