import { and, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { customers } from '../customers/index.ts';
import { users } from '../identity/index.ts';
import { ticketImports } from './ticket-import.tables.ts';

/** A chunk of values per statement: well under PostgreSQL's parameter limit. */
const CHUNK = 1000;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
const textArray = (values: string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

export interface CustomerMatch {
  ref: string;
  id: string;
}

/** Visible customers by public number (any status). */
export async function customersByNumber(db: Db, visible: SQL, numbers: string[]): Promise<CustomerMatch[]> {
  const out: CustomerMatch[] = [];
  for (const part of chunks(numbers)) {
    const rows = await db.select({ ref: customers.number, id: customers.id }).from(customers).where(and(inArray(customers.number, part), visible));
    out.push(...rows);
  }
  return out;
}

/** Visible, not merged-away customers by e-mail (case-insensitive; unique among active customers). */
export async function customersByEmail(db: Db, visible: SQL, emails: string[]): Promise<CustomerMatch[]> {
  const out: CustomerMatch[] = [];
  for (const part of chunks(emails)) {
    const rows = await db
      .select({ ref: sql<string>`lower(${customers.email})`, id: customers.id })
      .from(customers)
      .where(and(sql`lower(${customers.email}) = any(${textArray(part)})`, sql`${customers.status} <> 'INACTIVE'`, visible));
    out.push(...rows);
  }
  return out;
}

/**
 * Visible, not merged-away customers whose phone or mobile ends with the given digits. Phones are
 * stored in E.164, so "0903 555 777" (digits without national zeros: 903555777) and "+84 903 555 777"
 * both end the stored +84903555777; the trigram index on the stored search_phones column serves the LIKE.
 */
export async function customersByPhoneDigits(db: Db, visible: SQL, digits: string[]): Promise<CustomerMatch[]> {
  const out: CustomerMatch[] = [];
  for (const part of chunks(digits)) {
    const rows = await db
      .select({ ref: sql<string>`p.d`, id: customers.id })
      .from(sql`unnest(${textArray(part)}) as p(d)`)
      .innerJoin(customers, sql`${customers.searchPhones} like '%' || p.d || '%' and (${customers.phone} like '%' || p.d or ${customers.mobile} like '%' || p.d)`)
      .where(and(sql`${customers.status} <> 'INACTIVE'`, visible));
    out.push(...rows);
  }
  return out;
}

/** Active staff users by e-mail (lower-cased), for the processor column. */
export async function staffByEmail(db: Db, emails: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks(emails)) {
    const rows = await db
      .select({ email: sql<string>`lower(${users.email})`, id: users.id })
      .from(users)
      .where(and(sql`lower(${users.email}) = any(${textArray(part)})`, eq(users.active, true), sql`${users.role} <> 'client'`));
    for (const r of rows) out.set(r.email, r.id);
  }
  return out;
}

// ── the stored preview (ticket_imports) ──────────────────────────────────────────────────────
export interface NewImport {
  id: string;
  ownerId: string;
  total: number;
  valid: number;
  rows: unknown[];
  errors: unknown[];
}

/** Previews and commit markers older than a day are of no use to anyone: one statement, by the created_at index. */
export async function deleteOldImports(db: Db): Promise<void> {
  await db.delete(ticketImports).where(lt(ticketImports.createdAt, sql`now() - interval '1 day'`));
}

export async function insertImport(db: Db, values: NewImport): Promise<void> {
  await db.insert(ticketImports).values(values);
}

/** The import, locked for the commit's transaction: two commits of one preview queue up here. */
export async function lockImport<Row>(db: Db, id: string) {
  const [row] = await db
    .select({
      ownerId: ticketImports.ownerId,
      committedAt: ticketImports.committedAt,
      total: ticketImports.total,
      valid: ticketImports.valid,
      rows: ticketImports.rows,
      ageSeconds: sql<number>`extract(epoch from now() - ${ticketImports.createdAt})::float8`,
    })
    .from(ticketImports)
    .where(eq(ticketImports.id, id))
    .for('update');
  return row ? { ...row, rows: row.rows as Row[], ageSeconds: Number(row.ageSeconds) } : null;
}

/** What remains after the commit: the marker that refuses a second commit, and its answer (the rows are dropped). */
export async function markCommitted(db: Db, id: string, result: unknown): Promise<void> {
  await db.update(ticketImports).set({ committedAt: sql`now()`, rows: [], result }).where(eq(ticketImports.id, id));
}

/** The transaction's clock: every ticket of one commit is created at this instant (now() is fixed per transaction). */
export async function transactionNow(db: Db): Promise<Date> {
  const [row] = (await db.execute<{ now: string }>(sql`select now()::text as now`)) as unknown as { now: string }[];
  return new Date(row.now);
}

// ── the set-based writer ─────────────────────────────────────────────────────────────────────
/** One ticket as the commit writes it: every column named, the number left to the sequence. */
export interface BulkTicket {
  title: string;
  description: string;
  typeId: string;
  category: string;
  priority: number;
  componentId: string | null;
  customerId: string;
  processorId: string | null;
  status: string;
  tags: string[];
  typeFields: unknown;
  custom: unknown;
  campaignRef: string | null;
  productInterest: string[];
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  contactLocation: string | null;
  contactTimeZone: string | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
}

const jsonParam = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * ONE statement for a chunk of tickets. The numbers come from `ticket_number_seq` inside the
 * statement: the inner select orders the rows by their place in the chunk (WITH ORDINALITY) and the
 * outer one calls nextval on them in that order, so numbers follow the file. Returned in number order (= file order).
 */
export async function insertTickets(db: Db, createdBy: string, rows: BulkTicket[]): Promise<{ id: string; number: string }[]> {
  const result = (await db.execute<{ id: string; number: string }>(sql`
    insert into tickets (number, title, description, type_id, category, priority, component_id, customer_id, requester_id,
      processor_id, status, source, tags, type_fields, custom, campaign_ref, product_interest, contact_name, contact_phone,
      contact_email, contact_location, contact_time_zone, first_response_due_at, resolution_due_at, created_by)
    select 'TCK-' || lpad(nextval('ticket_number_seq')::text, 6, '0'), r.title, r.description, r.type_id, r.category, r.priority,
      r.component_id, r.customer_id, null, r.processor_id, r.status, 'bulk', r.tags, r.type_fields, r.custom, r.campaign_ref,
      r.product_interest, r.contact_name, r.contact_phone, r.contact_email, r.contact_location, r.contact_time_zone,
      r.first_response_due_at, r.resolution_due_at, ${createdBy}::uuid
    from (
      select x.* from jsonb_array_elements(${jsonParam(rows.map(toRecord))}) with ordinality as e(value, ord), jsonb_to_record(e.value) as x(
        title text, description text, type_id uuid, category text, priority smallint, component_id uuid, customer_id uuid,
        processor_id uuid, status text, tags text[], type_fields jsonb, custom jsonb, campaign_ref text, product_interest text[],
        contact_name text, contact_phone text, contact_email text, contact_location text, contact_time_zone text,
        first_response_due_at timestamptz, resolution_due_at timestamptz)
      order by e.ord
    ) r
    returning id, number`)) as unknown as { id: string; number: string }[];
  return [...result].sort((a, b) => Number(a.number.slice(4)) - Number(b.number.slice(4)));
}

function toRecord(t: BulkTicket) {
  return {
    title: t.title, description: t.description, type_id: t.typeId, category: t.category, priority: t.priority, component_id: t.componentId,
    customer_id: t.customerId, processor_id: t.processorId, status: t.status, tags: t.tags, type_fields: t.typeFields, custom: t.custom,
    campaign_ref: t.campaignRef, product_interest: t.productInterest, contact_name: t.contactName, contact_phone: t.contactPhone,
    contact_email: t.contactEmail, contact_location: t.contactLocation, contact_time_zone: t.contactTimeZone,
    first_response_due_at: t.firstResponseDueAt?.toISOString() ?? null, resolution_due_at: t.resolutionDueAt?.toISOString() ?? null,
  };
}

/** ONE statement: the `created` history entry of every ticket of a chunk (PLT-5's columns, as appendHistory writes them). */
export async function insertCreatedHistory(db: Db, actorId: string, entries: { entityId: string; changes: unknown[] }[]): Promise<void> {
  await db.execute(sql`
    insert into history (entity_type, entity_id, actor_id, action, changes, internal)
    select 'ticket', h.entity_id, ${actorId}::uuid, 'created', h.changes, false
    from jsonb_array_elements(${jsonParam(entries.map((e) => ({ entity_id: e.entityId, changes: e.changes })))}) with ordinality as e(value, ord),
      jsonb_to_record(e.value) as h(entity_id uuid, changes jsonb)
    order by e.ord`);
}

/** ONE statement: one outbox event per payload, in the given order (the dispatcher delivers by outbox id). */
export async function insertEvents(db: Db, event: string, payloads: Record<string, unknown>[]): Promise<void> {
  await db.execute(sql`
    insert into outbox (event, payload)
    select ${event}, e.payload
    from jsonb_array_elements(${jsonParam(payloads)}) with ordinality as e(payload, ord)
    order by e.ord`);
}
