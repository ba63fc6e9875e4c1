import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { historyInsert } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { CustomFieldDefinition, CustomValues } from '../../../platform/custom-fields/custom-fields.ts';
import type { Db } from '../../../platform/db/database.ts';
import { eventInsert } from '../../../platform/events/outbox.ts';
import { type FieldError, invalid, unprocessable } from '../../../platform/http/errors.ts';
import * as config from '../config.repository.ts';
import type { NewTicketFacts, TypeRow } from '../config.repository.ts';
import { dueDates } from '../sla.ts';
import type { CreateTicketInput } from '../tickets.contracts.ts';
import { isClient, visibleTo } from '../tickets.policy.ts';
import * as repo from '../tickets.repository.ts';
import type { TicketDetailRow } from '../tickets.repository.ts';
import { checkCustomFields, checkReferences, checkTypeFields, clientRefusals, customFieldsAgainst, referenceErrors } from './ticket-rules.ts';
import { distributeNewTicket } from './distribute-tickets.ts';

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

type NewTicketCheck = { refusals: FieldError[]; errors: FieldError[]; checked: CheckedTicket | null };
type CustomCheck = { values: CustomValues; errors: FieldError[]; refusals: FieldError[] };

/**
 * Every rule of POST /tickets, without writing anything: `refusals` are fields the caller may not set
 * (422), `errors` are invalid values (400). Bulk create (TKT-11) checks each CSV row with it.
 */
export async function checkNewTicket(db: Db, actor: Actor, input: CreateTicketInput, memo: Memo = noMemo): Promise<NewTicketCheck> {
  const custom = await memo(`custom:${actor.role}:${JSON.stringify(input.custom ?? null)}`, () => checkCustomFields(db, actor, input.custom, {}, 'create'));
  const refused = refusalsOf(actor, input, custom);
  if (refused) return refused;
  const type = await memo(`type:${input.type}`, () => config.findType(db, input.type));
  const customerId = customerOfNew(actor, input);
  const refs = { processorId: input.processorId, componentId: input.componentId, customerId: customerId ?? undefined };
  const refErrors = customerId ? await memo(`refs:${JSON.stringify(refs)}`, () => checkReferences(db, actor, refs, currentRefs(actor, customerId), true)) : [];
  return judgeNewTicket(actor, input, custom, type, refErrors);
}

/** checkNewTicket against facts already looked up (POST /tickets asks for them all in one statement). */
async function checkNewTicketAgainst(actor: Actor, input: CreateTicketInput, facts: NewTicketFacts): Promise<NewTicketCheck> {
  const custom = customFieldsAgainst(facts.definitions, actor, input.custom, {}, 'create');
  const refused = refusalsOf(actor, input, custom);
  if (refused) return refused;
  const customerId = customerOfNew(actor, input);
  const refs = { processorId: input.processorId, componentId: input.componentId, customerId: customerId ?? undefined };
  const refErrors = customerId
    ? await referenceErrors(actor, refs, currentRefs(actor, customerId), true, {
        activeStaff: () => facts.processorActive === true,
        activeComponent: () => facts.componentActive === true,
        visibleCustomer: () => facts.customer !== null,
      })
    : [];
  return judgeNewTicket(actor, input, custom, facts.type, refErrors);
}

const refusalsOf = (actor: Actor, input: CreateTicketInput, custom: CustomCheck): NewTicketCheck | null => {
  const refusals = [...clientRefusals(actor, input, 'create'), ...custom.refusals];
  return refusals.length ? { refusals, errors: [], checked: null } : null;
};
/** Clients open tickets for their own customer; staff name it. */
const customerOfNew = (actor: Actor, input: CreateTicketInput) => (isClient(actor) ? actor.customerId! : input.customerId) ?? null;
const currentRefs = (actor: Actor, customerId: string) => ({ processorId: null, componentId: null, customerId: isClient(actor) ? customerId : null });

/** The errors of a new ticket in the order the caller reads them: type, customer, type fields, custom fields, references. */
function judgeNewTicket(actor: Actor, input: CreateTicketInput, custom: CustomCheck, type: TypeRow | null, refErrors: FieldError[]): NewTicketCheck {
  const errors: FieldError[] = [];
  if (!type || !type.active) errors.push({ field: 'type', message: 'No such active ticket type.' });
  const customerId = customerOfNew(actor, input);
  if (!customerId) errors.push({ field: 'customerId', message: 'Required: the customer the ticket is for.' });
  const typeFields = type ? checkTypeFields(type, input.typeFields, {}, 'create') : { values: {}, errors: [] };
  errors.push(...typeFields.errors, ...custom.errors, ...refErrors);
  const checked = errors.length ? null : { typeId: type!.id, customerId: customerId!, typeFields: typeFields.values, custom: custom.values };
  return { refusals: [], errors, checked };
}

/**
 * TKT-1/2/13: opens a ticket. Clients open them for their own customer from the portal, with their
 * profile's contact details copied in; staff open them for a customer they can see. Everything is
 * checked before anything is written, against facts looked up in ONE statement; then the ticket (its
 * number from the sequence, its SLA targets), its history entry and its event are ONE statement too,
 * atomic by itself (so no BEGIN/COMMIT: see Database.single), which also answers the ticket's detail.
 */
export async function createTicket(ctx: AppContext, actor: Actor, input: CreateTicketInput): Promise<{ id: string; detail: TicketDetailRow | null; definitions: CustomFieldDefinition[] }> {
  const client = isClient(actor);
  const facts = await config.lookUpNewTicket(ctx.database.db, actor, input, customerOfNew(actor, input), client);
  const check = await checkNewTicketAgainst(actor, input, facts);
  if (check.refusals.length) throw unprocessable('field_not_allowed', 'Some fields are not yours to set.', check.refusals);
  if (client && !actor.customerId) throw unprocessable('no_customer', 'Your account is not linked to a customer.');
  if (check.errors.length) throw invalid(check.errors);
  const id = randomUUID();
  const written = await ctx.database.single((db) => insertNewTicket(db, actor, id, input, check.checked!, facts, telesales(input)));
  ctx.afterCommit();
  // TKT-10: a round-robin/least-load component hands the new ticket out at once; then what the
  // statement answered is stale, and the caller reads the ticket again (detail null).
  const handedOut = !input.processorId && facts.componentDistributes === true && (await distributeNewTicket(ctx, input.componentId!));
  return { id, detail: handedOut ? null : written, definitions: facts.definitions };
}

/**
 * Writes a ticket checked by checkNewTicketAgainst with its history entry and its event, and reads
 * its detail, in ONE statement: the number comes from the sequence inside the insert, and the
 * creation time is the checked facts' clock, from which the SLA targets count.
 */
async function insertNewTicket(db: Db, actor: Actor, id: string, input: CreateTicketInput, checked: CheckedTicket, facts: NewTicketFacts, extra: { campaignRef?: string | null; productInterest?: string[] }) {
  const customerId = checked.customerId;
  const client = isClient(actor);
  const contact = client ? clientContactOf(actor, facts.requester) : staffContactOf(facts.customer);
  const processorId = input.processorId ?? null;
  const componentId = input.componentId ?? null;
  const status = initialStatus(processorId);
  // Drizzle takes SQL for any column; the timestamp columns' type names only their JS values.
  const createdAt = sql`${facts.now}::timestamptz` as unknown as Date;
  const history = historyInsert({ entityType: 'ticket', entityId: id, actorId: actor.userId, action: 'created', changes: [...createdChanges(status, componentId, processorId), ...telesalesChanges(extra)] });
  const event = eventInsert('ticket.created', { ticketId: id, customerId, componentId, actorId: actor.userId }, { number: sql`${repo.NEW_TICKET}.number` }, repo.NEW_TICKET);
  return repo.insertTicketReturningDetail(db, {
    id,
    title: input.title,
    description: input.description,
    typeId: checked.typeId,
    category: input.category,
    priority: input.priority,
    componentId,
    customerId,
    requesterId: client ? actor.userId : null,
    processorId,
    status,
    source: client ? 'portal' : (input.source ?? 'web_form'),
    tags: input.tags ?? [],
    typeFields: checked.typeFields,
    custom: checked.custom,
    ...extra,
    ...contact,
    ...dueDates(facts.policy, new Date(facts.now)),
    createdBy: actor.userId,
    createdAt,
    updatedAt: createdAt,
    lastActivityAt: createdAt,
  }, [history, event], visibleTo(actor));
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

/** A client's ticket carries their own profile's contact details (the actor's, if the profile is gone). */
function clientContactOf(actor: Actor, user: NewTicketFacts['requester']) {
  return { contactName: user?.name ?? actor.name, contactPhone: user?.phone ?? null, contactEmail: user?.email ?? actor.email, contactLocation: user?.location ?? null, contactTimeZone: user?.time_zone ?? actor.timeZone };
}

/** staffContact for many customers in one statement (bulk create): by customer id. */
export async function staffContacts(tx: Db, actor: Actor, customerIds: string[]) {
  const found = new Map((await config.customerContacts(tx, customerIds, actor)).map((c) => [c.id, c]));
  return new Map(customerIds.map((id) => [id, staffContactOf(found.get(id) ?? null)]));
}

/** Staff open tickets for a customer: the customer's own contact details, not the agent's. */
function staffContactOf(customer: { name: string; phone: string | null; email: string | null } | null) {
  return { contactName: customer?.name ?? null, contactPhone: customer?.phone ?? null, contactEmail: customer?.email ?? null, contactLocation: null, contactTimeZone: null };
}
