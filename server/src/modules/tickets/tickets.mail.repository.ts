import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { customerMailAddress, customerName } from '../customers/index.ts';
import { mailActiveStaffIn, type MailPerson, mailPeople } from '../identity/index.ts';
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
      customerName: sql<string>`${customerName(sql.raw('"tickets"."customer_id"'))}`,
      requesterId: tickets.requesterId,
      processorId: tickets.processorId,
    })
    .from(tickets)
    .where(eq(tickets.id, id));
  return row ?? null;
}
export type MailTicket = NonNullable<Awaited<ReturnType<typeof ticketForMail>>>;

export type { MailPerson };

export async function peopleByIds(db: Db, ids: string[]): Promise<MailPerson[]> {
  return mailPeople(db, ids);
}

/**
 * The active staff of a component (TKT-8 responsible staff), or only its managers (TKT-7). A client
 * account is never staff, whatever a component row says.
 */
export async function componentStaff(db: Db, componentId: string, only?: 'manager'): Promise<MailPerson[]> {
  const staff = db
    .select({ userId: ticketComponentStaff.userId })
    .from(ticketComponentStaff)
    .where(and(eq(ticketComponentStaff.componentId, componentId), only ? eq(ticketComponentStaff.role, only) : undefined));
  return mailActiveStaffIn(db, sql`(${staff})`);
}

/** The customer's own address: where a ticket without a portal requester is answered. */
export async function customerAddress(db: Db, id: string) {
  return customerMailAddress(db, id);
}
