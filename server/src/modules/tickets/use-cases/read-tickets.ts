import { eq, isNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import { readHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { clientVisibleKeys, type CustomFieldDefinition, customFilter } from '../../../platform/custom-fields/custom-fields.ts';
import { definitionsFor } from '../../../platform/custom-fields/custom-fields.repository.ts';
import { timeIdCursor } from '../../../platform/db/keyset.ts';
import { invalid, notFound } from '../../../platform/http/errors.ts';
import { decodeCursor, encodeCursor, page } from '../../../platform/http/pagination.ts';
import * as config from '../config.repository.ts';
import * as messages from '../messages.repository.ts';
import { type ListTicketsQuery, type TicketFilter, ticketFilter } from '../tickets.contracts.ts';
import { allowedTransitions, canEscalate, canRate, isClient, seesInternal, type TicketStatus, visibleTo } from '../tickets.policy.ts';
import { listRelated } from '../relations.repository.ts';
import { historyText, presentMessage, presentTicket, presentTicketDetail } from '../tickets.presenters.ts';
import * as repo from '../tickets.repository.ts';
import { tickets } from '../tickets.tables.ts';
import { OPEN_STATUSES } from '../tickets.workflow.ts';

const FILTER_KEYS = Object.keys(ticketFilter.shape) as (keyof TicketFilter)[];
const me = (actor: Actor, v: string) => (v === 'me' ? actor.userId : v);

/** Built-in saved views (TKT-5). */
const BUILTIN: Record<string, TicketFilter> = {
  my_open: { processorId: 'me', status: [...OPEN_STATUSES] },
  unassigned: { processorId: 'none', myComponents: true, status: [...OPEN_STATUSES] },
  breaching_sla: { slaBreached: true },
  /** Every open ticket the reader sees (the client portal's home). */
  open: { status: [...OPEN_STATUSES] },
};

const hasCustom = (f: TicketFilter) => !!f.custom && Object.keys(f.custom).length > 0;

/**
 * PLT-11 custom values as one containment test (the GIN index tickets_custom_idx serves it); a wrong
 * key or value is a 400 naming `<prefix>custom.<key>`. A client filters only by the fields shown to
 * them: a hidden value must not be learnt by probing, so a hidden field does not exist for them.
 */
function customCondition(actor: Actor, defs: CustomFieldDefinition[], custom: Record<string, unknown>, prefix = ''): SQL {
  const result = customFilter(isClient(actor) ? defs.filter((d) => d.clientAccess !== 'hidden') : defs, tickets.custom, custom);
  if (result.errors.length) throw invalid(result.errors.map((e) => ({ ...e, field: `${prefix}${e.field}` })));
  return result.where!;
}

/** A saved view's filter is checked when it is saved, as the customer segments are: a bad custom key never lands. */
export async function checkViewFilter(ctx: AppContext, actor: Actor, f: TicketFilter): Promise<void> {
  if (hasCustom(f)) customCondition(actor, await definitionsFor(ctx.database.db, 'ticket'), f.custom!, 'filter.');
}

/** The SQL of a filter, always inside the actor's scope; each condition has an index behind it. */
async function conditions(ctx: AppContext, actor: Actor, f: TicketFilter, defs: CustomFieldDefinition[]): Promise<SQL[]> {
  const where: SQL[] = [visibleTo(actor)];
  if (f.q) where.push(repo.searchCondition(f.q, seesInternal(actor)));
  if (f.status) where.push(sql`${tickets.status} in (${sql.join(f.status.map((s) => sql`${s}`), sql`, `)})`);
  if (f.componentId) where.push(repo.inIds(tickets.componentId, f.componentId));
  if (f.type) where.push(repo.inIds(tickets.typeId, await config.typeIdsByRefs(ctx.database.db, f.type)));
  if (f.priority) where.push(sql`${tickets.priority} in (${sql.join(f.priority.map((p) => sql`${p}`), sql`, `)})`);
  if (f.source) where.push(sql`${tickets.source} in (${sql.join(f.source.map((v) => sql`${v}`), sql`, `)})`);
  if (f.customerId) where.push(eq(tickets.customerId, f.customerId));
  if (f.createdBy) where.push(eq(tickets.createdBy, me(actor, f.createdBy)));
  if (f.processorId === 'none') where.push(isNull(tickets.processorId));
  else if (f.processorId) where.push(eq(tickets.processorId, me(actor, f.processorId)));
  if (f.tags) where.push(repo.tagsContain(f.tags));
  if (f.createdFrom) where.push(sql`${tickets.createdAt} >= ${f.createdFrom}::timestamptz`);
  if (f.createdTo) where.push(sql`${tickets.createdAt} < ${f.createdTo}::timestamptz`);
  if (hasCustom(f)) where.push(customCondition(actor, defs, f.custom!));
  // The same predicate as tickets_sla_breached_idx, so the view is an index walk.
  if (f.slaBreached !== undefined) {
    const breached = sql`((${tickets.firstResponseBreachedAt} is not null or ${tickets.resolutionBreachedAt} is not null) and ${tickets.status} not in ('resolved', 'closed'))`;
    where.push(f.slaBreached ? breached : sql`not ${breached}`);
  }
  if (f.myComponents) where.push(sql`${tickets.componentId} in (select s.component_id from ticket_component_staff s where s.user_id = ${actor.userId}::uuid)`);
  return where;
}

/** GET /tickets: a view (built-in or saved), overridden by explicit filters; newest first, keyset. */
export async function listTickets(ctx: AppContext, actor: Actor, query: ListTicketsQuery) {
  let filter: TicketFilter = Object.fromEntries(FILTER_KEYS.filter((k) => query[k] !== undefined).map((k) => [k, query[k]]));
  if (query.view) {
    const base = BUILTIN[query.view] ?? (await config.findView(ctx.database.db, query.view, actor.userId))?.filter;
    if (!base) throw notFound('view');
    filter = { ...ticketFilter.parse(base), ...filter };
  }
  // Tags are staff's labels: a client filtering by them would learn them.
  if (isClient(actor) && filter.tags) throw invalid([{ field: 'tags', message: 'Clients cannot filter by tags.' }]);
  // The definitions once per page, and only when needed: a custom filter, or a client whose rows lose hidden values.
  const defs = isClient(actor) || hasCustom(filter) ? await definitionsFor(ctx.database.db, 'ticket') : [];
  const rows = await repo.listTickets(ctx.database.db, await conditions(ctx, actor, filter, defs), decodeCursor(query.cursor, timeIdCursor), query.limit);
  const result = page(rows, query.limit, (r) => [r.sortKey, r.id]);
  const clientKeys = isClient(actor) ? clientVisibleKeys(defs) : null;
  return { items: result.items.map((r) => presentTicket(r, clientKeys)), nextCursor: result.nextCursor };
}

export async function getTicket(ctx: AppContext, actor: Actor, idOrNumber: string) {
  const ticket = await repo.findTicket(ctx.database.db, idOrNumber, visibleTo(actor));
  if (!ticket) throw notFound('ticket');
  // One more statement, filtered by the same visibility: clients see their own customer's links only.
  const related = await listRelated(ctx.database.db, ticket.id, visibleTo(actor));
  return detailOf(actor, ticket, related, isClient(actor) ? await definitionsFor(ctx.database.db, 'ticket') : null);
}

/**
 * The detail POST /tickets answers: the ticket as getTicket reads it — as the creating statement
 * answered it, or (after a distribution moved it) read again — with the custom field definitions its
 * create already looked up and no relations: nobody can have linked a ticket whose id and number only
 * its creator has been told.
 */
export async function getCreatedTicket(ctx: AppContext, actor: Actor, created: { id: string; detail: repo.TicketDetailRow | null; definitions: CustomFieldDefinition[] }) {
  const ticket = created.detail ?? (await repo.findTicket(ctx.database.db, created.id, visibleTo(actor)));
  if (!ticket) throw notFound('ticket');
  return detailOf(actor, ticket, [], isClient(actor) ? created.definitions : null);
}

function detailOf(actor: Actor, ticket: NonNullable<Awaited<ReturnType<typeof repo.findTicket>>>, related: Awaited<ReturnType<typeof listRelated>>, clientDefs: CustomFieldDefinition[] | null) {
  const status = ticket.status as TicketStatus;
  const clientKeys = clientDefs ? clientVisibleKeys(clientDefs) : null;
  return presentTicketDetail(ticket, clientKeys, related, { allowedTransitions: allowedTransitions(actor, status), canEscalate: canEscalate(actor, ticket), canRate: canRate(actor, ticket) });
}

/** The conversation, oldest first; clients never get internal notes (nor their files). */
export async function listConversation(ctx: AppContext, actor: Actor, idOrNumber: string, q: { limit: number; cursor?: string }) {
  const ticket = await repo.findTicket(ctx.database.db, idOrNumber, visibleTo(actor));
  if (!ticket) throw notFound('ticket');
  const rows = await messages.listMessages(ctx.database.db, ticket.id, seesInternal(actor), decodeCursor(q.cursor, timeIdCursor), q.limit);
  const result = page(rows, q.limit, (r) => [r.sortKey, r.id]);
  return { items: result.items.map(presentMessage), nextCursor: result.nextCursor };
}

/** TKT-3 timeline, newest first, with names instead of ids; clients see the public entries only. */
export async function ticketHistory(ctx: AppContext, actor: Actor, idOrNumber: string, q: { limit: number; cursor?: string }) {
  const db = ctx.database.db;
  const ticket = await repo.findTicket(db, idOrNumber, visibleTo(actor));
  if (!ticket) throw notFound('ticket');
  const before = decodeCursor(q.cursor, z.tuple([z.number().int().positive()]))?.[0];
  const rows = await readHistory(db, { entityType: 'ticket', entityId: ticket.id, limit: q.limit, beforeId: before, includeInternal: seesInternal(actor) });
  const items = rows.slice(0, q.limit);
  type Change = { field: string; from: unknown; to: unknown };
  const ids = items.flatMap((r) => [r.actorId, ...(r.changes as Change[]).flatMap((c) => [c.from, c.to])]).filter((v): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v));
  const [users, things] = await Promise.all([messages.userNames(db, ids), messages.componentNames(db, ids)]);
  const names = new Map([...things, ...users]);
  // Clients see who handled their ticket by name, but never internal staff fields.
  const shown = (c: Change) => !isClient(actor) || ['status', 'processorId', 'componentId', 'file', 'title', 'description', 'priority', 'escalationLevel', 'escalationReason', 'satisfactionRating', 'satisfactionComment'].includes(c.field);
  return {
    items: items.map((r) => {
      const changes = (r.changes as Change[]).filter(shown);
      const actorName = r.actorId ? (users.get(r.actorId) ?? null) : null;
      return {
        id: r.id,
        at: r.at.toISOString(),
        actor: r.actorId && actorName ? { id: r.actorId, name: actorName } : null,
        action: r.action,
        changes,
        text: historyText(actorName, r.action, changes, names),
      };
    }),
    nextCursor: rows.length > q.limit ? encodeCursor([items[items.length - 1].id]) : null,
  };
}
