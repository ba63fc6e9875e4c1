import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { CustomerSection } from './customers.links.ts';
import type { AddressRow } from './customers.repository.ts';
import { contracts, invoices } from './customers.tables.ts';

const LATEST = 5;
const utc = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** CUS-5 contracts in the 360° view: counts, active value, the latest few; each one a timeline row. */
export const contractsSection: CustomerSection = {
  name: 'contracts',
  visibleTo: () => true,
  summary: (id) => sql`(select json_build_object(
      'count', count(*),
      'active', count(*) filter (where c.status = 'ACTIVE'),
      'activeValue', coalesce(sum(c.value) filter (where c.status = 'ACTIVE'), 0)::text,
      'latest', coalesce((select json_agg(x) from (
        select c2.id, c2.number, c2.title, c2.value::text as value, c2.currency, c2.status,
               c2.start_date::text as "startDate", c2.end_date::text as "endDate"
        from contracts c2 where c2.customer_id = ${id} order by c2.created_at desc, c2.id desc limit ${LATEST}) x), '[]'::json))
    from contracts c where c.customer_id = ${id})`,
  timeline: (id) => sql`select c.created_at as at, 'contract'::text as kind, c.id::text as id, c.number || ' ' || c.title as title,
      jsonb_build_object('number', c.number, 'value', c.value::text, 'currency', c.currency, 'status', c.status) as data
    from contracts c where c.customer_id = ${id}`,
};

/** Invoices: unpaid count and the outstanding amount matter for the handover list. */
export const invoicesSection: CustomerSection = {
  name: 'invoices',
  visibleTo: () => true,
  summary: (id) => sql`(select json_build_object(
      'count', count(*),
      'unpaid', count(*) filter (where i.status not in ('PAID', 'CANCELLED')),
      'outstanding', coalesce(sum(i.amount - i.paid_amount) filter (where i.status not in ('PAID', 'CANCELLED')), 0)::text,
      'latest', coalesce((select json_agg(x) from (
        select i2.id, i2.number, i2.amount::text as amount, i2.paid_amount::text as "paidAmount", i2.currency, i2.status,
               i2.due_date::text as "dueDate"
        from invoices i2 where i2.customer_id = ${id} order by i2.created_at desc, i2.id desc limit ${LATEST}) x), '[]'::json))
    from invoices i where i.customer_id = ${id})`,
  timeline: (id) => sql`select i.created_at as at, 'invoice'::text as kind, i.id::text as id, i.number as title,
      jsonb_build_object('amount', i.amount::text, 'paidAmount', i.paid_amount::text, 'currency', i.currency, 'status', i.status, 'dueDate', i.due_date) as data
    from invoices i where i.customer_id = ${id}`,
};

/** The customer's own history (PLT-5) as timeline rows. */
const historyTimeline = (id: SQL) => sql`select h.at, 'history'::text as kind, h.id::text as id, h.action as title,
    jsonb_build_object('actorId', h.actor_id, 'changes', h.changes) as data
  from history h where h.entity_type = 'customer' and h.entity_id = ${id}`;

export type TimelineCursor = [string, string, string];

/** Newest first on (at, kind, id): one statement whatever the number of sources and rows. The customer's
 * own history is always a source; each module's section adds its rows. */
function timelineQuery(id: SQL, sections: CustomerSection[], actor: Actor, after: TimelineCursor | undefined, limit: number) {
  const sources = sql.join([historyTimeline(id), ...sections.map((s) => s.timeline(id, actor))], sql` union all `);
  const cursor = after ? sql`where (u.at, u.kind, u.id) < (${after[0]}::timestamptz, ${after[1]}::text, ${after[2]}::text)` : sql``;
  return sql`select ${utc(sql`u.at`)} as at, u.kind, u.id, u.title, u.data from (${sources}) u ${cursor}
    order by u.at desc, u.kind desc, u.id desc limit ${limit + 1}`;
}

export interface TimelineItem {
  at: string;
  kind: string;
  id: string;
  title: string;
  data: Record<string, unknown>;
}

export async function readTimeline(db: Db, customerId: string, sections: CustomerSection[], actor: Actor, after: TimelineCursor | undefined, limit: number) {
  return (await db.execute(timelineQuery(sql`${customerId}::uuid`, sections, actor, after, limit))) as unknown as TimelineItem[];
}

/**
 * Everything of the 360° view except the profile, in ONE statement: addresses, each section's
 * summary and the first timeline page. The cost in statements never grows with the data.
 */
export async function readOverview(db: Db, customerId: string, sections: CustomerSection[], actor: Actor, timelineLimit: number) {
  const id = sql`${customerId}::uuid`;
  const summaries = sections.length ? sql.join(sections.map((s) => sql`${s.name}::text, ${s.summary(id, actor)}`), sql`, `) : sql``;
  const [row] = (await db.execute(sql`select
      (select coalesce(json_agg(a order by a."isPrimary" desc, a.created_at, a.id), '[]'::json) from (
         select id, kind, street, city, state, postal_code as "postalCode", country, is_primary as "isPrimary", created_at
         from customer_addresses where customer_id = ${id}) a) as addresses,
      json_build_object(${summaries}) as sections,
      (select coalesce(json_agg(t), '[]'::json) from (${timelineQuery(id, sections, actor, undefined, timelineLimit)}) t) as timeline`)) as unknown as {
    addresses: (Record<string, unknown> & { created_at?: string })[];
    sections: Record<string, unknown>;
    timeline: TimelineItem[];
  }[];
  return { ...row, addresses: row.addresses.map(({ created_at: _c, ...a }) => a as unknown as AddressRow) };
}

// ── CUS-5 records ────────────────────────────────────────────────────────────────────────────
async function nextNumber(db: Db, seq: 'contract_number_seq' | 'invoice_number_seq', prefix: string) {
  const [row] = (await db.execute<{ n: string }>(sql`select nextval(${seq}::regclass)::text as n`)) as unknown as { n: string }[];
  return `${prefix}-${new Date().getUTCFullYear()}-${row.n.padStart(6, '0')}`;
}

export async function insertContract(db: Db, values: Omit<typeof contracts.$inferInsert, 'number'>) {
  const number = await nextNumber(db, 'contract_number_seq', 'CTR');
  const [row] = await db.insert(contracts).values({ ...values, number }).returning({ id: contracts.id, number: contracts.number });
  return row;
}

export async function insertInvoice(db: Db, values: Omit<typeof invoices.$inferInsert, 'number'>) {
  const number = await nextNumber(db, 'invoice_number_seq', 'INV');
  const [row] = await db.insert(invoices).values({ ...values, number }).returning({ id: invoices.id, number: invoices.number });
  return row;
}
