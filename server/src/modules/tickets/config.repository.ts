import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { customerContactJson, customerContactsVisibleTo } from '../customers/index.ts';
import { activeStaffIds as activeStaffOf, isActiveStaffSql, userContact as contactOfUser, userContactJson, userName } from '../identity/index.ts';
import { definitionsJson } from '../../platform/custom-fields/custom-fields.repository.ts';
import type { CustomFieldDefinition } from '../../platform/custom-fields/custom-fields.ts';
import { lookUpAtOnce } from '../../platform/db/one-statement.ts';
import { type PortalForm, portalFormOf, type TypeField } from './config.contracts.ts';
import { policyJson } from './sla.repository.ts';
import type { SlaPolicy } from './sla.ts';
import { ticketComponentStaff, ticketComponents, ticketTypes, ticketViews } from './tickets.tables.ts';

// ── types ────────────────────────────────────────────────────────────────────────────────────
const typeColumns = {
  id: ticketTypes.id,
  key: ticketTypes.key,
  name: ticketTypes.name,
  labels: sql<Record<string, string>>`${ticketTypes.labels}`,
  fields: sql<TypeField[]>`${ticketTypes.fields}`,
  active: ticketTypes.active,
  position: ticketTypes.position,
  version: ticketTypes.version,
};
export interface TypeRow { id: string; key: string; name: string; labels: Record<string, string>; fields: TypeField[]; active: boolean; position: number; version: number; portalForm: PortalForm | null }
/** TKT-13: the portal's "Report a problem" and "Feedback" forms are these types, by key. */
const withPortalForm = (t: Omit<TypeRow, 'portalForm'>): TypeRow => ({ ...t, portalForm: portalFormOf(t.key) });

export async function listTypes(db: Db): Promise<TypeRow[]> {
  return (await db.select(typeColumns).from(ticketTypes).orderBy(asc(ticketTypes.position), asc(ticketTypes.key))).map(withPortalForm);
}

/** By key or id. */
export async function findType(db: Db, ref: string): Promise<TypeRow | null> {
  const uuid = /^[0-9a-f-]{36}$/i.test(ref);
  const [row] = await db.select(typeColumns).from(ticketTypes).where(uuid ? eq(ticketTypes.id, ref) : eq(ticketTypes.key, ref));
  return row ? withPortalForm(row) : null;
}

/** findType as one json value (null for none): for a request's lookups in one statement. */
export function typeJson(ref: string): SQL<Omit<TypeRow, 'portalForm'> | null> {
  const uuid = /^[0-9a-f-]{36}$/i.test(ref);
  return sql`(select json_build_object('id', t.id, 'key', t.key, 'name', t.name, 'labels', t.labels, 'fields', t.fields, 'active', t.active,
      'position', t.position, 'version', t.version) from ticket_types t where ${uuid ? sql`t.id = ${ref}::uuid` : sql`t.key = ${ref}::text`})`;
}
export const typeRowOf = (row: Omit<TypeRow, 'portalForm'> | null): TypeRow | null => (row ? withPortalForm(row) : null);

export async function typeIdsByRefs(db: Db, refs: string[]): Promise<string[]> {
  const ids = refs.filter((r) => /^[0-9a-f-]{36}$/i.test(r));
  const keys = refs.filter((r) => !ids.includes(r));
  const rows = await db
    .select({ id: ticketTypes.id })
    .from(ticketTypes)
    .where(sql`${ids.length ? inArray(ticketTypes.id, ids) : sql`false`} or ${keys.length ? inArray(ticketTypes.key, keys) : sql`false`}`);
  return rows.map((r) => r.id);
}

export async function insertType(db: Db, values: typeof ticketTypes.$inferInsert) {
  const [row] = await db.insert(ticketTypes).values(values).onConflictDoNothing().returning({ id: ticketTypes.id });
  return row ?? null;
}

export async function updateType(db: Db, id: string, version: number, values: Partial<typeof ticketTypes.$inferInsert>) {
  const rows = await db
    .update(ticketTypes)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${ticketTypes.version} + 1` })
    .where(and(eq(ticketTypes.id, id), eq(ticketTypes.version, version)))
    .returning({ id: ticketTypes.id });
  return rows.length > 0;
}

// ── components ───────────────────────────────────────────────────────────────────────────────
const componentColumns = {
  id: ticketComponents.id,
  key: ticketComponents.key,
  name: ticketComponents.name,
  description: ticketComponents.description,
  active: ticketComponents.active,
  distribution: sql<'manual' | 'round_robin' | 'least_load'>`${ticketComponents.distribution}`,
  version: ticketComponents.version,
  staff: sql<StaffRow[]>`coalesce((select json_agg(json_build_object('id', s.user_id, 'name', ${userName(sql.raw('s.user_id'))}, 'role', s.role, 'available', s.available) order by ${userName(sql.raw('s.user_id'))}, s.user_id)
    from ticket_component_staff s where s.component_id = "ticket_components"."id"), '[]'::json)`,
};
export type StaffRow = { id: string; name: string; role: 'agent' | 'manager'; available: boolean };
export type ComponentRow = { id: string; key: string; name: string; description: string | null; active: boolean; distribution: 'manual' | 'round_robin' | 'least_load'; version: number; staff: StaffRow[] };

export async function listComponents(db: Db): Promise<ComponentRow[]> {
  return db.select(componentColumns).from(ticketComponents).orderBy(asc(ticketComponents.name));
}

export async function findComponent(db: Db, id: string): Promise<ComponentRow | null> {
  const [row] = await db.select(componentColumns).from(ticketComponents).where(eq(ticketComponents.id, id));
  return row ?? null;
}

export async function insertComponent(db: Db, values: typeof ticketComponents.$inferInsert) {
  const [row] = await db.insert(ticketComponents).values(values).onConflictDoNothing().returning({ id: ticketComponents.id });
  return row ?? null;
}

export async function updateComponent(db: Db, id: string, version: number, values: Partial<typeof ticketComponents.$inferInsert>) {
  const rows = await db
    .update(ticketComponents)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${ticketComponents.version} + 1` })
    .where(and(eq(ticketComponents.id, id), eq(ticketComponents.version, version)))
    .returning({ id: ticketComponents.id });
  return rows.length > 0;
}

export async function replaceComponentStaff(db: Db, componentId: string, staff: { userId: string; role: 'agent' | 'manager'; available: boolean }[]) {
  await db.delete(ticketComponentStaff).where(eq(ticketComponentStaff.componentId, componentId));
  if (staff.length) await db.insert(ticketComponentStaff).values(staff.map((s) => ({ componentId, ...s })));
}

/** Of the given ids, those that are active staff users (not clients). */
export async function activeStaffIds(db: Db, ids: string[]): Promise<string[]> {
  const staff = await activeStaffOf(db, ids);
  return ids.filter((id, k) => staff.has(id) && ids.indexOf(id) === k);
}

// ── saved views ──────────────────────────────────────────────────────────────────────────────
export async function listViews(db: Db, ownerId: string) {
  return db.select({ id: ticketViews.id, name: ticketViews.name, filter: ticketViews.filter, createdAt: ticketViews.createdAt }).from(ticketViews).where(eq(ticketViews.ownerId, ownerId)).orderBy(desc(ticketViews.createdAt));
}

export async function findView(db: Db, id: string, ownerId: string) {
  const [row] = await db.select({ id: ticketViews.id, name: ticketViews.name, filter: ticketViews.filter }).from(ticketViews).where(and(eq(ticketViews.id, id), eq(ticketViews.ownerId, ownerId)));
  return row ?? null;
}

export async function insertView(db: Db, ownerId: string, name: string, filter: unknown) {
  const [row] = await db.insert(ticketViews).values({ ownerId, name, filter }).returning({ id: ticketViews.id, name: ticketViews.name, filter: ticketViews.filter, createdAt: ticketViews.createdAt });
  return row;
}

export async function deleteView(db: Db, id: string, ownerId: string) {
  const rows = await db.delete(ticketViews).where(and(eq(ticketViews.id, id), eq(ticketViews.ownerId, ownerId))).returning({ id: ticketViews.id });
  return rows.length > 0;
}

/** The profile fields a ticket copies from its creator (TKT-1). */
export async function userContact(db: Db, userId: string) {
  return contactOfUser(db, userId);
}

/** A customer's contact fields, when staff open a ticket on a customer's behalf (null when not visible). */
export async function customerContact(db: Db, customerId: string, actor: Actor) {
  return (await customerContactsVisibleTo(db, [customerId], actor))[0] ?? null;
}

/** customerContact for many customers in one statement (bulk create); invisible ones are missing. */
export async function customerContacts(db: Db, customerIds: string[], actor: Actor) {
  return customerContactsVisibleTo(db, customerIds, actor);
}

/** activeComponentExists as a boolean SQL expression: for a request's lookups in one statement. */
export const isActiveComponentSql = (id: string): SQL<boolean> => sql`exists (select 1 from ticket_components where id = ${id}::uuid and active)`;

/** distribution.repository's `distributes` as a boolean SQL expression: for a request's lookups in one statement. */
export const distributesSql = (id: string): SQL<boolean> => sql`exists (select 1 from ticket_components where id = ${id}::uuid and active and distribution <> 'manual')`;

export async function activeComponentExists(db: Db, id: string) {
  const [row] = await db.select({ id: ticketComponents.id }).from(ticketComponents).where(and(eq(ticketComponents.id, id), eq(ticketComponents.active, true)));
  return Boolean(row);
}

// ── a new ticket's lookups, in one statement ──────────────────────────────────────────────────
/** Everything POST /tickets checks a new ticket against and fills it from (null: not asked, or none). */
export interface NewTicketFacts {
  /** The database's clock when the request was checked: the ticket's creation time and its SLA start. */
  now: string;
  definitions: CustomFieldDefinition[];
  type: TypeRow | null;
  /** Staff: the customer's contact fields, null when the actor cannot see it. */
  customer: { id: string; name: string; phone: string | null; email: string | null } | null;
  /** Clients: their own profile, copied into the ticket. */
  requester: { name: string; phone: string | null; email: string; location: string | null; time_zone: string } | null;
  componentActive: boolean | null;
  /** The component hands new tickets out itself (round robin, least load): asked only when no processor is named. */
  componentDistributes: boolean | null;
  processorActive: boolean | null;
  policy: SlaPolicy | null;
}

/**
 * TKT-1: the custom field definitions, the type, the customer (through the customers module's
 * visibility rule), the component, the processor and the priority's SLA policy — ONE statement, asked
 * before anything is written (a refused ticket costs this one read and nothing else).
 */
export async function lookUpNewTicket(db: Db, actor: Actor, input: { type: string; priority: number; customerId?: string | null; componentId?: string | null; processorId?: string | null }, customerId: string | null, client: boolean): Promise<NewTicketFacts> {
  const none = sql`null`;
  const found = await lookUpAtOnce<Omit<NewTicketFacts, 'type'> & { type: Omit<TypeRow, 'portalForm'> | null }>(db, {
    now: sql`to_json(now())`,
    definitions: definitionsJson('ticket'),
    type: typeJson(input.type),
    customer: customerId && !client ? customerContactJson(customerId, actor) : none,
    requester: client ? userContactJson(actor.userId) : none,
    componentActive: input.componentId ? isActiveComponentSql(input.componentId) : none,
    componentDistributes: input.componentId && !input.processorId ? distributesSql(input.componentId) : none,
    processorActive: input.processorId ? isActiveStaffSql(sql`${input.processorId}::uuid`) : none,
    policy: policyJson(input.priority),
  });
  return { ...found, type: typeRowOf(found.type) };
}
