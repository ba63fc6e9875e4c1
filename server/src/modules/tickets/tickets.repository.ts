import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { exactTimestamp } from '../../platform/db/keyset.ts';
import { selectRows } from '../../platform/db/rows.ts';
import { customerName, customerRef } from '../customers/index.ts';
import { isActiveStaffSql, userLanguage, userName, userRef } from '../identity/index.ts';
import { tickets } from './tickets.tables.ts';

/** TCK-NNNNNN: the one format of a ticket number, as SQL over a value of ticket_number_seq (`n`, text; a column, since it is used twice). */
export const ticketNumberOf = (n: SQL) => sql<string>`'TCK-' || lpad(${n}, greatest(6, length(${n})), '0')`;

/**
 * A new ticket, the writes that go with it (its history, its event) and its detail as `findTicket`
 * reads it, in ONE statement: the insert (the number from the sequence inside it, every column
 * returned) is the CTE `tickets`, so the detail's columns — written for the table of that name — read
 * the row just written (a new ticket is merged into nothing, so the detail's one subselect on the
 * table finds nothing either way); `alongside` select from it (`${NEW_TICKET}.number`). Null when
 * `visible` hides the new ticket from its writer.
 */
export async function insertTicketReturningDetail(db: Db, values: Omit<typeof tickets.$inferInsert, 'number'> & { id: string }, alongside: SQL[], visible: SQL): Promise<TicketDetailRow | null> {
  const number = sql`(select ${ticketNumberOf(sql`s.n`)} from (select nextval('ticket_number_seq')::text as n) s)`;
  const written = db.$with('tickets', { id: tickets.id }).as(db.insert(tickets).values({ ...values, number }).returning().getSQL());
  const writes = alongside.map((write, i) => db.$with(`w${i + 1}`, {}).as(write));
  const [row] = await db.with(written, ...writes).select(ticketDetailColumns).from(written).where(and(eq(tickets.id, values.id), visible));
  return (row as TicketDetailRow) ?? null;
}

/** What `alongside` writes of insertTicketReturningDetail select the new ticket's row from. */
export const NEW_TICKET = sql.raw('tickets');

/** Subselects name the outer column in full: inside them drizzle's bare column names would bind to the inner table. */
const outer = (column: string) => sql.raw(`"tickets"."${column}"`);
const named = (table: string, column: SQL) => sql<{ id: string; name: string } | null>`(select json_build_object('id', x.id, 'name', x.name) from ${sql.raw(table)} x where x.id = ${column})`;

/** What every list row shows; names come from small subselects (a page is ≤ 200 rows). */
export const ticketColumns = {
  id: tickets.id,
  number: tickets.number,
  title: tickets.title,
  typeId: tickets.typeId,
  type: sql<{ id: string; key: string; name: string }>`(select json_build_object('id', tt.id, 'key', tt.key, 'name', tt.name) from ticket_types tt where tt.id = ${outer('type_id')})`,
  category: tickets.category,
  priority: tickets.priority,
  status: tickets.status,
  componentId: tickets.componentId,
  component: named('ticket_components', outer('component_id')),
  customerId: tickets.customerId,
  customer: sql<{ id: string; number: string; name: string }>`${customerRef(outer('customer_id'))}`,
  processorId: tickets.processorId,
  processor: userRef(outer('processor_id')),
  source: tickets.source,
  tags: tickets.tags,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
  lastActivityAt: tickets.lastActivityAt,
  escalationLevel: tickets.escalationLevel,
  firstResponseDueAt: tickets.firstResponseDueAt,
  resolutionDueAt: tickets.resolutionDueAt,
  firstResponseBreachedAt: tickets.firstResponseBreachedAt,
  resolutionBreachedAt: tickets.resolutionBreachedAt,
  satisfactionRating: tickets.satisfactionRating,
  /** PLT-11: the list shows custom fields as columns; the row already holds them (no join). */
  custom: sql<Record<string, unknown>>`${tickets.custom}`,
  version: tickets.version,
};

export const ticketDetailColumns = {
  ...ticketColumns,
  description: tickets.description,
  requesterId: tickets.requesterId,
  requester: userRef(outer('requester_id')),
  createdById: tickets.createdBy,
  createdBy: userRef(outer('created_by')),
  typeFields: sql<Record<string, unknown>>`${tickets.typeFields}`,
  contactName: tickets.contactName,
  contactPhone: tickets.contactPhone,
  contactEmail: tickets.contactEmail,
  contactLocation: tickets.contactLocation,
  contactTimeZone: tickets.contactTimeZone,
  escalationReason: tickets.escalationReason,
  escalatedAt: tickets.escalatedAt,
  slaWarnedAt: tickets.slaWarnedAt,
  followUpAt: tickets.followUpAt,
  mergedInto: sql<{ id: string; number: string } | null>`(select json_build_object('id', m.id, 'number', m.number) from tickets m where m.id = ${outer('merged_into_id')})`,
  satisfactionComment: tickets.satisfactionComment,
  ratedAt: tickets.ratedAt,
  campaignRef: tickets.campaignRef,
  productInterest: tickets.productInterest,
  firstResponseAt: tickets.firstResponseAt,
  resolvedAt: tickets.resolvedAt,
  closedAt: tickets.closedAt,
};

type Select<T> = { [K in keyof T]: T[K] extends SQL<infer U> ? U : T[K] extends { _: { data: infer D; notNull: infer N } } ? (N extends true ? D : D | null) : never };
export type TicketRow = Select<typeof ticketColumns>;
export type TicketDetailRow = Select<typeof ticketDetailColumns>;

export const byIdOrNumber = (idOrNumber: string) =>
  /^TCK-/i.test(idOrNumber) ? eq(tickets.number, idOrNumber.toUpperCase()) : eq(tickets.id, idOrNumber);

/** One ticket by id or public number, only if `visible` lets the caller see it. */
export async function findTicket(db: Db, idOrNumber: string, visible: SQL): Promise<TicketDetailRow | null> {
  const [row] = await db.select(ticketDetailColumns).from(tickets).where(and(byIdOrNumber(idOrNumber), visible));
  return (row as TicketDetailRow) ?? null;
}

/** Just what another record needs to link to a ticket: its id and customer, only if `visible` lets the caller see it. */
export async function findTicketRef(db: Db, idOrNumber: string, visible: SQL): Promise<{ id: string; customerId: string } | null> {
  const [row] = await db.select({ id: tickets.id, customerId: tickets.customerId }).from(tickets).where(and(byIdOrNumber(idOrNumber), visible));
  return row ?? null;
}

/**
 * A column of the outer ticket, qualified, for correlated subqueries: Drizzle writes a one-table
 * select's columns unqualified ("id"), which inside a subquery over messages would name the message's.
 */
const outerTicket = (column: string) => sql.raw(`"tickets"."${column}"`);

/** A visible ticket's question: title, description and its three latest public messages, and the requester's language. */
export async function findTicketQuestion(db: Db, idOrNumber: string, visible: SQL): Promise<{ id: string; text: string; language: string | null } | null> {
  const [row] = await db
    .select({
      id: tickets.id,
      text: sql<string>`concat_ws(' ', ${tickets.title}, ${tickets.description}, (select string_agg(m.body, ' ') from (select body from ticket_messages where ticket_id = ${outerTicket('id')} and not internal order by created_at desc limit 3) m))`,
      language: userLanguage(outerTicket('requester_id')),
    })
    .from(tickets)
    .where(and(byIdOrNumber(idOrNumber), visible));
  return row ?? null;
}

/**
 * A visible ticket's answer, for turning it into a knowledge-base article (KB-1): its title and status,
 * the latest public reply by staff, and the personal details of its client (contact, customer,
 * requester) that the draft must not carry.
 */
export async function findTicketAnswer(db: Db, idOrNumber: string, visible: SQL) {
  const [row] = await db
    .select({
      id: tickets.id,
      title: tickets.title,
      status: tickets.status,
      answer: sql<string | null>`(select m.body from ticket_messages m where m.ticket_id = ${outerTicket('id')} and not m.internal and ${isActiveStaffSql(sql`m.author_id`)} order by m.created_at desc limit 1)`,
      personal: sql<(string | null)[]>`array[${tickets.contactName}, ${tickets.contactEmail}, ${tickets.contactPhone}, ${customerName(outerTicket('customer_id'))}, ${userName(outerTicket('requester_id'))}]`,
    })
    .from(tickets)
    .where(and(byIdOrNumber(idOrNumber), visible));
  return row ?? null;
}

/** The editable fields, locked for the caller's transaction: concurrent edits queue up. */
export async function findTicketForUpdate(db: Db, idOrNumber: string, visible: SQL) {
  const [row] = await db
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      description: tickets.description,
      typeId: tickets.typeId,
      category: tickets.category,
      priority: tickets.priority,
      status: tickets.status,
      componentId: tickets.componentId,
      customerId: tickets.customerId,
      requesterId: tickets.requesterId,
      processorId: tickets.processorId,
      tags: tickets.tags,
      typeFields: sql<Record<string, unknown>>`${tickets.typeFields}`,
      custom: sql<Record<string, unknown>>`${tickets.custom}`,
      firstResponseAt: tickets.firstResponseAt,
      followUpAt: tickets.followUpAt,
      escalationLevel: tickets.escalationLevel,
      escalationReason: tickets.escalationReason,
      satisfactionRating: tickets.satisfactionRating,
      satisfactionComment: tickets.satisfactionComment,
      campaignRef: tickets.campaignRef,
      productInterest: tickets.productInterest,
      version: tickets.version,
    })
    .from(tickets)
    .where(and(byIdOrNumber(idOrNumber), visible))
    .for('update', { of: tickets });
  return row ?? null;
}
export type TicketForUpdate = NonNullable<Awaited<ReturnType<typeof findTicketForUpdate>>>;

/** Writes only when the version still matches; the version moves on with every change. */
export async function updateTicket(db: Db, id: string, version: number, values: Partial<typeof tickets.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(tickets)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${tickets.version} + 1` })
    .where(and(eq(tickets.id, id), eq(tickets.version, version)))
    .returning({ id: tickets.id });
  return rows.length > 0;
}

/** Activity without an edit of the ticket's own fields (a message): no version bump. */
export async function touchTicket(db: Db, id: string, values: Partial<typeof tickets.$inferInsert> = {}) {
  await db.update(tickets).set({ ...values, lastActivityAt: sql`now()` }).where(eq(tickets.id, id));
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A word search's OR → its sources (title, description, messages, number), which listTickets plans one by one. */
const wordSources = new WeakMap<SQL, SQL[]>();

/**
 * TKT-5 words: a public number, or partial words in title, description or messages, accents and case
 * folded (trigram indexes on search_fold). Clients' searches never look inside internal notes.
 */
export function searchCondition(q: string, includeInternal: boolean): SQL {
  if (/^TCK-\d{6,}$/i.test(q)) return eq(tickets.number, q.toUpperCase());
  const like = `%${likeEscape(q)}%`;
  const conds: SQL[] = [
    sql`search_fold(${tickets.title}) like search_fold(${like})`,
    sql`search_fold(${tickets.description}) like search_fold(${like})`,
    sql`${tickets.id} in (select m.ticket_id from ticket_messages m where search_fold(m.body) like search_fold(${like})${includeInternal ? sql`` : sql` and not m.internal`})`,
  ];
  if (/\d/.test(q) || /^tck/i.test(q)) conds.push(sql`${tickets.number} ilike ${like}`);
  const any = or(...conds)!;
  wordSources.set(any, conds);
  return any;
}

/** Newest first by (created_at, id): keyset pages, no OFFSET, no count. */
export async function listTickets(db: Db, where: SQL[], after: [string, string] | undefined, limit: number) {
  const conds = [...where];
  if (after) conds.push(sql`(${tickets.createdAt}, ${tickets.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const newestFirst = [desc(tickets.createdAt), desc(tickets.id)];
  let filter = and(...conds);
  const search = conds.find((c) => wordSources.has(c));
  if (search) {
    // One OR over title, description and messages leaves the planner a single plan: walk the date
    // index and filter, which reads the whole table for a rare word (measured: 7 s at 200,000
    // tickets). Each source's own newest page, with every other condition, lets it choose per source
    // — the trigram index for a rare word, the date index for a common one; the page is the newest
    // of their union.
    const rest = conds.filter((c) => c !== search);
    const pages = wordSources.get(search)!.map((source) =>
      // Drizzle parenthesises an embedded select itself.
      sql`${db.select({ id: tickets.id }).from(tickets).where(and(...rest, source)).orderBy(...newestFirst).limit(limit + 1)}`);
    filter = sql`${tickets.id} in (${sql.join(pages, sql` union all `)})`;
  }
  const rows = await selectRows(db, db
    .select({ ...ticketColumns, sortKey: exactTimestamp(tickets.createdAt) })
    .from(tickets)
    .where(filter)
    .orderBy(...newestFirst)
    .limit(limit + 1));
  return rows as (TicketRow & { sortKey: string })[];
}

export const tagsContain = (tags: string[]) => sql`${tickets.tags} @> ${sql`array[${sql.join(tags.map((t) => sql`${t}`), sql`, `)}]::text[]`}`;
export const inIds = (column: typeof tickets.componentId | typeof tickets.typeId, ids: string[]) => (ids.length ? inArray(column, ids) : sql`false`);

/** Labels of a customer's open tickets (a handover's checklist item), by number. */
export async function openTicketLabels(db: Db, customerId: string): Promise<{ label: string }[]> {
  return (await db.execute(
    sql`select number || ' ' || title as label from tickets where customer_id = ${customerId} and status not in ('resolved', 'closed') order by number`,
  )) as unknown as { label: string }[];
}
