import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ticketNumberOf } from './tickets.repository.ts';

/**
 * Tickets created many at a time (TKT-11 bulk create), set-based: a fixed number of statements per
 * chunk, whatever its size. Other modules call createTicketsInBulk and never write these tables.
 */

/** One ticket as bulk create writes it: every column named, the number left to the sequence. */
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
  /** The channel the ticket came in by (an import of another system's tickets); `bulk` for a call list. */
  source: string;
  /** PLT-9: the ticket's id in the system it came from, if any. */
  externalRef: string | null;
  /** When the ticket was opened in the system it came from; null: now (the transaction's clock). */
  createdAt: Date | null;
}

const jsonParam = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * ONE statement for a chunk of tickets, with the source each row names (`bulk` for a call list). The numbers come from `ticket_number_seq`
 * inside the statement: the innermost select orders the rows by their place in the chunk (WITH
 * ORDINALITY), the next one calls nextval on them in that order (a volatile function keeps it from
 * being merged away), so numbers follow the file. Returned in number order (= file order).
 */
export async function insertTickets(db: Db, createdBy: string, rows: BulkTicket[]): Promise<{ id: string; number: string }[]> {
  const result = (await db.execute<{ id: string; number: string }>(sql`
    insert into tickets (number, title, description, type_id, category, priority, component_id, customer_id, requester_id,
      processor_id, status, source, tags, type_fields, custom, campaign_ref, product_interest, contact_name, contact_phone,
      contact_email, contact_location, contact_time_zone, first_response_due_at, resolution_due_at, created_by, external_ref, created_at, last_activity_at)
    select ${ticketNumberOf(sql`r.n`)}, r.title, r.description, r.type_id, r.category, r.priority,
      r.component_id, r.customer_id, null, r.processor_id, r.status, r.source, r.tags, r.type_fields, r.custom, r.campaign_ref,
      r.product_interest, r.contact_name, r.contact_phone, r.contact_email, r.contact_location, r.contact_time_zone,
      r.first_response_due_at, r.resolution_due_at, ${createdBy}::uuid, r.external_ref, coalesce(r.created_at, now()), coalesce(r.created_at, now())
    from (
      select nextval('ticket_number_seq')::text as n, o.* from (
        select x.* from jsonb_array_elements(${jsonParam(rows.map(toRecord))}) with ordinality as e(value, ord), jsonb_to_record(e.value) as x(
          title text, description text, type_id uuid, category text, priority smallint, component_id uuid, customer_id uuid,
          processor_id uuid, status text, tags text[], type_fields jsonb, custom jsonb, campaign_ref text, product_interest text[],
          contact_name text, contact_phone text, contact_email text, contact_location text, contact_time_zone text,
          first_response_due_at timestamptz, resolution_due_at timestamptz, source text, external_ref text, created_at timestamptz)
        order by e.ord
      ) o
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
    source: t.source, external_ref: t.externalRef, created_at: t.createdAt?.toISOString() ?? null,
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
