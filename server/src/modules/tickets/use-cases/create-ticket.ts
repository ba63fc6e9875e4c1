import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { type FieldError, invalid, unprocessable } from '../../../platform/http/errors.ts';
import { customerVisibleTo } from '../../customers/index.ts';
import * as config from '../config.repository.ts';
import type { CreateTicketInput } from '../tickets.contracts.ts';
import { isClient } from '../tickets.policy.ts';
import * as repo from '../tickets.repository.ts';
import { checkCustomFields, checkReferences, checkTypeFields, clientRefusals } from './ticket-rules.ts';

/**
 * TKT-1/2/13: opens a ticket. Clients open them for their own customer from the portal, with their
 * profile's contact details copied in; staff open them for a customer they can see. Everything is
 * checked before anything is written; the ticket, its history and its event go in one transaction.
 */
export async function createTicket(ctx: AppContext, actor: Actor, input: CreateTicketInput): Promise<{ id: string; number: string }> {
  const db = ctx.database.db;
  const refusals = clientRefusals(actor, input, 'create');
  if (refusals.length) throw unprocessable('field_not_allowed', 'Some fields are not yours to set.', refusals);
  if (isClient(actor) && !actor.customerId) throw unprocessable('no_customer', 'Your account is not linked to a customer.');

  const errors: FieldError[] = [];
  const type = await config.findType(db, input.type);
  if (!type || !type.active) errors.push({ field: 'type', message: 'No such active ticket type.' });
  const customerId = isClient(actor) ? actor.customerId! : input.customerId;
  if (!customerId) errors.push({ field: 'customerId', message: 'Required: the customer the ticket is for.' });
  const typeFields = type ? checkTypeFields(type, input.typeFields, {}, 'create') : { values: {}, errors: [] };
  const custom = await checkCustomFields(db, input.custom, {}, 'create');
  errors.push(...typeFields.errors, ...custom.errors);
  if (customerId) errors.push(...(await checkReferences(db, actor, { ...input, customerId }, { processorId: null, componentId: null, customerId: isClient(actor) ? customerId : null }, true)));
  if (errors.length) throw invalid(errors);

  const result = await ctx.database.transaction(async (tx) => {
    const contact = isClient(actor) ? await clientContact(tx, actor) : await staffContact(tx, actor, customerId!);
    const processorId = input.processorId ?? null;
    const status = processorId ? 'in_progress' : 'new';
    const row = await repo.insertTicket(tx, {
      title: input.title,
      description: input.description,
      typeId: type!.id,
      category: input.category,
      priority: input.priority,
      componentId: input.componentId ?? null,
      customerId: customerId!,
      requesterId: isClient(actor) ? actor.userId : null,
      processorId,
      status,
      source: isClient(actor) ? 'portal' : (input.source ?? 'web_form'),
      tags: input.tags ?? [],
      typeFields: typeFields.values,
      custom: custom.values,
      ...contact,
      createdBy: actor.userId,
    });
    await appendHistory(tx, {
      entityType: 'ticket',
      entityId: row.id,
      actorId: actor.userId,
      action: 'created',
      changes: [
        { field: 'status', from: null, to: status },
        { field: 'componentId', from: null, to: input.componentId ?? null },
        { field: 'processorId', from: null, to: processorId },
      ],
    });
    await recordEvent(tx, 'ticket.created', { ticketId: row.id, number: row.number, customerId, componentId: input.componentId ?? null, actorId: actor.userId });
    return row;
  });
  ctx.afterCommit();
  return result;
}

async function clientContact(tx: Parameters<typeof config.userContact>[0], actor: Actor) {
  const user = await config.userContact(tx, actor.userId);
  return { contactName: user?.name ?? actor.name, contactPhone: user?.phone ?? null, contactEmail: user?.email ?? actor.email, contactLocation: user?.location ?? null, contactTimeZone: user?.time_zone ?? actor.timeZone };
}

/** Staff open tickets for a customer: the customer's own contact details, not the agent's. */
async function staffContact(tx: Parameters<typeof config.userContact>[0], actor: Actor, customerId: string) {
  const customer = await config.customerContact(tx, customerId, customerVisibleTo(actor));
  return { contactName: customer?.name ?? null, contactPhone: customer?.phone ?? null, contactEmail: customer?.email ?? null, contactLocation: null, contactTimeZone: null };
}
