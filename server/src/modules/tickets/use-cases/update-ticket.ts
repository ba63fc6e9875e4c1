import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, diff, type FieldChange } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { invalid, notFound, staleVersion, unprocessable } from '../../../platform/http/errors.ts';
import * as config from '../config.repository.ts';
import type { UpdateTicketInput } from '../tickets.contracts.ts';
import { visibleTo } from '../tickets.policy.ts';
import { emitUpdate } from '../tickets.realtime.ts';
import * as repo from '../tickets.repository.ts';
import { checkCustomFields, checkReferences, checkTypeFields, clientRefusals } from './ticket-rules.ts';
import { targetsForPriority } from './sla-targets.ts';
import { ticketTexts as t } from '../tickets.texts.ts';

type Values = Partial<Parameters<typeof repo.updateTicket>[3]>;

/** Each change's history action and the event it records, named literally (never built from the action). */
const EVENTS = { updated: 'ticket.updated', assigned: 'ticket.assigned', status: 'ticket.status', escalated: 'ticket.escalated' } as const;
export type TicketChange = keyof typeof EVENTS;

/**
 * Loads the visible ticket locked, checks the If-Match version, lets `decide` compute the new values
 * (throwing on any refusal), then writes them with history, an event and a realtime notice — or
 * nothing at all.
 */
export async function changeTicket(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  version: number,
  action: TicketChange,
  decide: (tx: Db, before: repo.TicketForUpdate) => Promise<{ values: Values; changes?: FieldChange[] }>,
): Promise<string> {
  let emitted: { id: string; number: string; fields: string[] } | undefined;
  const id = await ctx.database.transaction(async (tx) => {
    const before = await repo.findTicketForUpdate(tx, idOrNumber, visibleTo(actor));
    if (!before) throw notFound('ticket');
    if (before.version !== version) throw staleVersion();
    const { values, changes = diff(before as unknown as Record<string, unknown>, values as Record<string, unknown>) } = await decide(tx, before);
    if (!changes.length) return before.id;
    if (!(await repo.updateTicket(tx, before.id, version, { ...values, lastActivityAt: new Date() }))) throw staleVersion();
    await appendHistory(tx, { entityType: 'ticket', entityId: before.id, actorId: actor.userId, action, changes });
    await recordEvent(tx, EVENTS[action], { ticketId: before.id, number: before.number, changes, actorId: actor.userId });
    if (values.processorId && values.processorId !== before.processorId && values.processorId !== actor.userId) {
      await ctx.notifications.notify(tx, values.processorId, {
        kind: 'ticket.assigned',
        title: `${before.number} ${before.title}`,
        body: t.localized('notice.assigned', { actor: actor.name }),
        link: `/tickets/${before.number}`,
      });
    }
    emitted = { id: before.id, number: before.number, fields: changes.map((c) => c.field) };
    return before.id;
  });
  ctx.afterCommit();
  if (emitted) emitUpdate(ctx, emitted.id, emitted.number, emitted.fields, version + 1);
  return id;
}

/** PATCH: the ticket's own fields (clients: title, description, type fields and the custom fields editable for them). */
export function updateTicket(ctx: AppContext, actor: Actor, idOrNumber: string, version: number, input: UpdateTicketInput) {
  return changeTicket(ctx, actor, idOrNumber, version, 'updated', async (tx, before) => {
    const { typeFields: typeInput, custom: customInput, followUpAt, ...fields } = input;
    const custom = await checkCustomFields(tx, actor, customInput, before.custom, 'update');
    const refusals = [...clientRefusals(actor, input, 'update'), ...custom.refusals];
    if (refusals.length) throw unprocessable('field_not_allowed', 'Some fields are not yours to set.', refusals);
    const errors = await checkReferences(tx, actor, fields, before, false);
    const values: Values = { ...fields };
    // TKT-10: a new follow-up date reminds again (the sweep claims follow_up_reminded_at).
    if (followUpAt !== undefined && (followUpAt === null ? null : new Date(followUpAt).getTime()) !== (before.followUpAt?.getTime() ?? null)) {
      values.followUpAt = followUpAt === null ? null : new Date(followUpAt);
      values.followUpRemindedAt = null;
    }
    if (typeInput) {
      const type = (await config.findType(tx, before.typeId))!;
      const checked = checkTypeFields(type, typeInput, before.typeFields, 'update');
      errors.push(...checked.errors);
      values.typeFields = checked.values;
    }
    if (customInput) {
      errors.push(...custom.errors);
      values.custom = custom.values;
    }
    if (errors.length) throw invalid(errors);
    // TKT-9: another priority, other targets.
    if (values.priority !== undefined && values.priority !== before.priority) Object.assign(values, await targetsForPriority(tx, before.id, values.priority));
    // Taking a new ticket starts work on it.
    if (values.processorId && before.status === 'new') values.status = 'in_progress';
    // Moved to another customer: their client user is no longer the one it is for.
    if (values.customerId && values.customerId !== before.customerId) values.requesterId = null;
    return { values };
  });
}

/** Processor and/or component: assignment (tickets.assign), one processor at most by construction. */
export function assignTicket(ctx: AppContext, actor: Actor, idOrNumber: string, version: number, input: { processorId?: string | null; componentId?: string | null }) {
  return changeTicket(ctx, actor, idOrNumber, version, 'assigned', async (tx, before) => {
    const errors = await checkReferences(tx, actor, input, before, false);
    if (errors.length) throw invalid(errors);
    const values: Values = { ...input };
    if (values.processorId && before.status === 'new') values.status = 'in_progress';
    return { values };
  });
}
