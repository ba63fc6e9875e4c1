import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { customers } from '../customers/index.ts';
import { users } from '../identity/index.ts';
import { ticketComponentStaff, tickets } from './tickets.tables.ts';

/** What a ticket e-mail says about the ticket: never tags, custom fields or anything of a note. */
export async function ticketForMail(db: Db, id: string) {
  const [row] = await db
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      description: tickets.description,
      status: tickets.status,
      /** A bulk-created ticket gets no mail of its own: its import sends one digest (tickets.bulk_created). */
      source: tickets.source,
      priority: tickets.priority,
      escalationLevel: tickets.escalationLevel,
      escalationReason: tickets.escalationReason,
      componentId: tickets.componentId,
      componentName: sql<string | null>`(select tc.name from ticket_components tc where tc.id = "tickets"."component_id")`,
      customerId: tickets.customerId,
      customerName: sql<string>`(select c.name from customers c where c.id = "tickets"."customer_id")`,
      requesterId: tickets.requesterId,
      processorId: tickets.processorId,
    })
    .from(tickets)
    .where(eq(tickets.id, id));
  return row ?? null;
}
export type MailTicket = NonNullable<Awaited<ReturnType<typeof ticketForMail>>>;

const personColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  language: users.language,
  role: users.role,
  active: users.active,
  customerId: users.customerId,
};
export type MailPerson = { id: string; email: string; name: string; language: string; role: string; active: boolean; customerId: string | null };

export async function peopleByIds(db: Db, ids: string[]): Promise<MailPerson[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  return db.select(personColumns).from(users).where(inArray(users.id, unique));
}

/**
 * The active staff of a component (TKT-8 responsible staff), or only its managers (TKT-7). A client
 * account is never staff, whatever a component row says.
 */
export async function componentStaff(db: Db, componentId: string, only?: 'manager'): Promise<MailPerson[]> {
  return db
    .select(personColumns)
    .from(ticketComponentStaff)
    .innerJoin(users, eq(users.id, ticketComponentStaff.userId))
    .where(and(
      eq(ticketComponentStaff.componentId, componentId),
      eq(users.active, true),
      ne(users.role, 'client'),
      only ? eq(ticketComponentStaff.role, only) : undefined,
    ))
    .orderBy(users.email);
}

/** The customer's own address: where a ticket without a portal requester is answered. */
export async function customerAddress(db: Db, id: string) {
  const [row] = await db.select({ name: customers.name, email: customers.email, country: customers.country }).from(customers).where(eq(customers.id, id));
  return row ?? null;
}
