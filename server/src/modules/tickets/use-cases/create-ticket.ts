import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import type { CustomValues } from '../../../platform/custom-fields/custom-fields.ts';
import type { Db } from '../../../platform/db/database.ts';
import { type FieldError, invalid, unprocessable } from '../../../platform/http/errors.ts';
import * as config from '../config.repository.ts';
import type { CreateTicketInput } from '../tickets.contracts.ts';
import { isClient } from '../tickets.policy.ts';
import * as repo from '../tickets.repository.ts';
import { checkCustomFields, checkReferences, checkTypeFields, clientRefusals } from './ticket-rules.ts';
import { distributeAfterCreate } from './distribute-tickets.ts';
import { setInitialTargets } from './sla-targets.ts';

/** What checkNewTicket resolved: the values a valid new ticket is written with. */
export interface CheckedTicket {
  typeId: string;
  customerId: string;
  typeFields: CustomValues;
  custom: CustomValues;
}

/**
 * Remembers lookups by key. Bulk create checks thousands of rows against the same few types,
 * customers and components: one memo per file turns a query per row into a query per distinct value.
 */
export type Memo = <T>(key: string, load: () => Promise<T>) => Promise<T>;
const noMemo: Memo = (_key, load) => load();
export function createMemo(): Memo {
  const seen = new Map<string, Promise<unknown>>();
  return <T>(key: string, load: () => Promise<T>) => {
    if (!seen.has(key)) seen.set(key, load());
    return seen.get(key) as Promise<T>;
  };
}

/**
 * Every rule of POST /tickets, without writing anything: `refusals` are fields the caller may not set
 * (422), `errors` are invalid values (400). Bulk create (TKT-11) checks each CSV row with it.
 */
export async function checkNewTicket(db: Db, actor: Actor, input: CreateTicketInput, memo: Memo = noMemo): Promise<{ refusals: FieldError[]; errors: FieldError[]; checked: CheckedTicket | null }> {
  const custom = await memo(`custom:${actor.role}:${JSON.stringify(input.custom ?? null)}`, () => checkCustomFields(db, actor, input.custom, {}, 'create'));
  const refusals = [...clientRefusals(actor, input, 'create'), ...custom.refusals];
  if (refusals.length) return { refusals, errors: [], checked: null };
  const errors: FieldError[] = [];
  const type = await memo(`type:${input.type}`, () => config.findType(db, input.type));
  if (!type || !type.active) errors.push({ field: 'type', message: 'No such active ticket type.' });
  const customerId = isClient(actor) ? actor.customerId! : input.customerId;
  if (!customerId) errors.push({ field: 'customerId', message: 'Required: the customer the ticket is for.' });
  const typeFields = type ? checkTypeFields(type, input.typeFields, {}, 'create') : { values: {}, errors: [] };
  errors.push(...typeFields.errors, ...custom.errors);
  if (customerId) {
    const refs = { processorId: input.processorId, componentId: input.componentId, customerId };
    errors.push(...(await memo(`refs:${JSON.stringify(refs)}`, () => checkReferences(db, actor, refs, { processorId: null, componentId: null, customerId: isClient(actor) ? customerId : null }, true))));
  }
  const checked = errors.length ? null : { typeId: type!.id, customerId: customerId!, typeFields: typeFields.values, custom: custom.values };
  return { refusals, errors, checked };
}

/**
 * TKT-1/2/13: opens a ticket. Clients open them for their own customer from the portal, with their
 * profile's contact details copied in; staff open them for a customer they can see. Everything is
 * checked before anything is written; the ticket, its history and its event go in one transaction.
 */
export async function createTicket(ctx: AppContext, actor: Actor, input: CreateTicketInput): Promise<{ id: string; number: string }> {
  const check = await checkNewTicket(ctx.database.db, actor, input);
  if (check.refusals.length) throw unprocessable('field_not_allowed', 'Some fields are not yours to set.', check.refusals);
  if (isClient(actor) && !actor.customerId) throw unprocessable('no_customer', 'Your account is not linked to a customer.');
  if (check.errors.length) throw invalid(check.errors);
  const result = await ctx.database.transaction((tx) => insertNewTicket(tx, actor, input, check.checked!, telesales(input)));
  ctx.afterCommit();
  // TKT-10: a round-robin/least-load component hands the new ticket out at once.
  if (!input.processorId) await distributeAfterCreate(ctx, input.componentId);
  return result;
}

/**
 * Writes a ticket checked by checkNewTicket, with its history entry and its event; the caller owns
 * the transaction (bulk create writes a whole file in one). `extra`: campaign and product interest.
 */
export async function insertNewTicket(tx: Db, actor: Actor, input: CreateTicketInput, checked: CheckedTicket, extra: { campaignRef?: string | null; productInterest?: string[] } = {}, memo: Memo = noMemo) {
  const customerId = checked.customerId;
  const contact = isClient(actor) ? await clientContact(tx, actor) : await memo(`contact:${customerId}`, () => staffContact(tx, actor, customerId));
  const processorId = input.processorId ?? null;
  const status = initialStatus(processorId);
  const row = await repo.insertTicket(tx, {
    title: input.title,
    description: input.description,
    typeId: checked.typeId,
    category: input.category,
    priority: input.priority,
    componentId: input.componentId ?? null,
    customerId,
    requesterId: isClient(actor) ? actor.userId : null,
    processorId,
    status,
    source: isClient(actor) ? 'portal' : (input.source ?? 'web_form'),
    tags: input.tags ?? [],
    typeFields: checked.typeFields,
    custom: checked.custom,
    ...extra,
    ...contact,
    createdBy: actor.userId,
  });
  await setInitialTargets(tx, row.id);
  await appendHistory(tx, {
    entityType: 'ticket',
    entityId: row.id,
    actorId: actor.userId,
    action: 'created',
    changes: [...createdChanges(status, input.componentId ?? null, processorId), ...telesalesChanges(extra)],
  });
  await recordEvent(tx, 'ticket.created', createdPayload(row, customerId, input.componentId ?? null, actor.userId));
  return row;
}

/** TKT-1 telesales fields as given (clientRefusals has already refused them for clients). */
const telesales = (input: CreateTicketInput) => ({
  ...(input.campaignRef !== undefined && { campaignRef: input.campaignRef }),
  ...(input.productInterest !== undefined && { productInterest: input.productInterest }),
});

/** The created entry names the campaign and products set with the ticket, so history shows where they came from. */
function telesalesChanges(extra: { campaignRef?: string | null; productInterest?: string[] }) {
  const changes = [];
  if (extra.campaignRef) changes.push({ field: 'campaignRef', from: null, to: extra.campaignRef });
  if (extra.productInterest?.length) changes.push({ field: 'productInterest', from: [], to: extra.productInterest });
  return changes;
}

/** A new ticket with a processor is being worked on; without one it waits in its queue. Shared with bulk create. */
export const initialStatus = (processorId: string | null) => (processorId ? 'in_progress' : 'new');

/** The `created` history entry's changes, the same for every writer of new tickets (bulk create included). */
export const createdChanges = (status: string, componentId: string | null, processorId: string | null) => [
  { field: 'status', from: null, to: status },
  { field: 'componentId', from: null, to: componentId },
  { field: 'processorId', from: null, to: processorId },
];

/** The `ticket.created` event's payload (mail, realtime and webhooks read it): ids, not text. */
export const createdPayload = (row: { id: string; number: string }, customerId: string, componentId: string | null, actorId: string) => ({
  ticketId: row.id, number: row.number, customerId, componentId, actorId,
});

async function clientContact(tx: Parameters<typeof config.userContact>[0], actor: Actor) {
  const user = await config.userContact(tx, actor.userId);
  return { contactName: user?.name ?? actor.name, contactPhone: user?.phone ?? null, contactEmail: user?.email ?? actor.email, contactLocation: user?.location ?? null, contactTimeZone: user?.time_zone ?? actor.timeZone };
}

/** Staff open tickets for a customer: the customer's own contact details, not the agent's. */
async function staffContact(tx: Parameters<typeof config.userContact>[0], actor: Actor, customerId: string) {
  return staffContactOf(await config.customerContact(tx, customerId, actor));
}

/** staffContact for many customers in one statement (bulk create): by customer id. */
export async function staffContacts(tx: Db, actor: Actor, customerIds: string[]) {
  const found = new Map((await config.customerContacts(tx, customerIds, actor)).map((c) => [c.id, c]));
  return new Map(customerIds.map((id) => [id, staffContactOf(found.get(id) ?? null)]));
}

function staffContactOf(customer: { name: string; phone: string | null; email: string | null } | null) {
  return { contactName: customer?.name ?? null, contactPhone: customer?.phone ?? null, contactEmail: customer?.email ?? null, contactLocation: null, contactTimeZone: null };
}
