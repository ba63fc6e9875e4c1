import type { AppContext } from '../../platform/context.ts';
import type { EventName, EventPayload } from '../../platform/events/catalogue.ts';
import type { OutgoingMail } from '../../platform/mail/mailer.ts';
import { componentNames, findMessage } from './messages.repository.ts';
import * as repo from './tickets.mail.repository.ts';
import type { MailPerson, MailTicket } from './tickets.mail.repository.ts';
import * as texts from './tickets.mail-texts.ts';
import { type Language, languageForCountry, languageOf } from '../../platform/i18n/languages.ts';

/** Payloads of the ticket events (tickets.events.ts; ticket-import.events.ts for the bulk digest): ids, not text. */
type Created = EventPayload<'ticket.created'>;
type Changed = EventPayload<'ticket.status'>;
type Message = EventPayload<'ticket.message'>;
/** ticket-import's commit: one event for the whole file (numbers: the first few per component). */
type BulkCreated = EventPayload<'tickets.bulk_created'>;

interface Addressee { email: string; name: string; language: Language }

/**
 * Ticket e-mail (TKT-6/7/8 and the client notices), sent from outbox events after the writer's
 * commit, through the platform Mailer (SMTP, or the in-app outbox without SMTP_URL).
 *
 * Confidentiality: a handler loads an internal note only to drop it — notes, their text and their
 * files never produce a mail. Clients get mail about their own ticket only: its portal requester, or
 * the ticket's customer's own address.
 *
 * Redelivery: the dispatcher gives each (event, handler) one pg-boss job with a fixed id, so a
 * re-dispatched event is not handed out twice. Each handler enqueues all its mails in ONE transaction,
 * so a failed attempt leaves nothing behind and its retry sends the full set. Every mail carries the
 * key (outbox row, handler, recipient) in mail_messages.dedupe_key, so even a worker dying after that
 * commit and before pg-boss records the job done cannot make its retry mail anyone twice.
 */
export function subscribeTicketMail(ctx: AppContext): void {
  const handlers = new TicketMail(ctx);
  // Each mail is keyed by (outbox row, handler, recipient): a redelivered event writes no second mail.
  const on = <N extends EventName>(event: N, name: string, run: (p: EventPayload<N>, key: string) => Promise<void>) =>
    ctx.events.subscribe(event, name, (p, meta) => run(p, `${meta.outboxId}:${name}`));
  on('ticket.created', 'tickets.mail.new-ticket', (p, key) => handlers.newTicket(p, key));
  on('ticket.message', 'tickets.mail.message', (p, key) => handlers.message(p, key));
  on('ticket.status', 'tickets.mail.status', (p, key) => handlers.status(p, key));
  on('ticket.updated', 'tickets.mail.client-edit', (p, key) => handlers.clientEdit(p, key));
  on('ticket.escalated', 'tickets.mail.escalated', (p, key) => handlers.escalated(p, key));
  on('ticket.auto_closed', 'tickets.mail.auto-closed', (p, key) => handlers.clientStatus(p.ticketId, 'autoClosed', key));
  on('tickets.bulk_created', 'tickets.mail.bulk-digest', (p, key) => handlers.bulkDigest(p, key));
}

class TicketMail {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  private link(number: string, audience: 'staff' | 'client') {
    const base = this.ctx.config.publicUrl.replace(/\/$/, '');
    return audience === 'client' ? `${base}/portal/tickets/${number}` : `${base}/tickets/${number}`;
  }

  /** All or nothing, and keyed per recipient: see the note on redelivery above. */
  private async send(key: string, mails: OutgoingMail[]) {
    if (!mails.length) return;
    await this.ctx.database.transaction(async (tx) => {
      for (const m of mails) await this.ctx.mail.enqueueMail(tx, { ...m, dedupeKey: `${key}:${m.to.toLowerCase()}` });
    });
    this.ctx.afterCommit();
  }

  private async person(id: string | null | undefined): Promise<MailPerson | null> {
    return id ? ((await repo.peopleByIds(this.db, [id]))[0] ?? null) : null;
  }

  /** TKT-7: the processor and every manager of the ticket's component, active staff, once each. */
  private async escalationAudience(ticket: MailTicket, exceptId: string | null): Promise<Addressee[]> {
    const processor = (await this.person(ticket.processorId)) ?? undefined;
    const managers = ticket.componentId ? await repo.componentStaff(this.db, ticket.componentId, 'manager') : [];
    return staffAddressees([processor, ...managers], exceptId);
  }

  /**
   * The one client a ticket's notices go to: its portal requester while they are an active client of
   * the ticket's customer; otherwise the customer's own address (never another customer's person).
   */
  private async clientAudience(ticket: MailTicket): Promise<Addressee | null> {
    const requester = await this.person(ticket.requesterId);
    if (requester?.active && requester.role === 'client' && requester.customerId === ticket.customerId) {
      return { email: requester.email, name: requester.name, language: languageOf(requester.language) };
    }
    const customer = await repo.customerAddress(this.db, ticket.customerId);
    return customer?.email ? { email: customer.email, name: customer.name, language: languageForCountry(customer.country) } : null;
  }

  /** TKT-8: every responsible staff member of the component, in their own language (not the creator). */
  async newTicket(p: Created, key: string) {
    const ticket = await repo.ticketForMail(this.db, p.ticketId);
    // A bulk import's tickets are announced by one digest per component (bulkDigest), not one mail each.
    if (!ticket?.componentId || ticket.source === 'bulk' || p.importId) return;
    const staff = staffAddressees(await repo.componentStaff(this.db, ticket.componentId), p.actorId);
    const vars = { number: ticket.number, title: ticket.title, component: ticket.componentName ?? '', customer: ticket.customerName, priority: ticket.priority, description: ticket.description };
    await this.send(key, staff.map((s) => ({ to: s.email, ...texts.newTicketMail(s.language, vars, this.link(ticket.number, 'staff')), kind: 'ticket.new' })));
  }

  /**
   * TKT-8 for a bulk import: each component's active staff (not the importer) get ONE mail listing
   * the first numbers, in their language, linking to the component's list. Keyed per component and
   * recipient, so a redelivery, or someone on two components' staff, mails nobody twice for one queue.
   */
  async bulkDigest(p: BulkCreated, key: string) {
    const names = await componentNames(this.db, p.byComponent.map((c) => c.componentId));
    const base = this.ctx.config.publicUrl.replace(/\/$/, '');
    for (const c of p.byComponent) {
      const staff = staffAddressees(await repo.componentStaff(this.db, c.componentId), p.actorId);
      const vars = { count: c.count, component: names.get(c.componentId) ?? '', numbers: c.numbers };
      const link = `${base}/tickets?componentId=${encodeURIComponent(c.componentId)}`;
      await this.send(`${key}:${c.componentId}`, staff.map((s) => ({ to: s.email, ...texts.bulkDigestMail(s.language, vars, link), kind: 'ticket.bulk_digest' })));
    }
  }

  /** A public message or file: from the client on an escalated ticket → staff; from staff → the client. */
  async message(p: Message, key: string) {
    if (p.internal) return;
    const message = await findMessage(this.db, p.messageId);
    // Re-checked on the stored row: an internal note never becomes a mail, whatever the payload says.
    if (!message || message.internal) return;
    const ticket = await repo.ticketForMail(this.db, p.ticketId);
    if (!ticket) return;
    const author = await this.person(message.authorId);
    if (author?.role === 'client') {
      const change: texts.ClientChange = message.file ? { kind: 'attachment', file: message.file.name } : { kind: 'message', body: message.body };
      return this.clientUpdate(ticket, author, change, key);
    }
    const client = await this.clientAudience(ticket);
    if (!client) return;
    const mail = texts.replyMail(client.language, ticket, { recipient: client.name, author: author?.name ?? 'Switchboard', body: message.body, file: message.file?.name ?? null }, this.link(ticket.number, 'client'));
    await this.send(key, [{ to: client.email, ...mail, kind: 'ticket.reply' }]);
  }

  /** Waiting on the customer or resolved → the client; a client's own move on an escalated ticket → staff. */
  async status(p: Changed, key: string) {
    const change = p.changes.find((c) => c.field === 'status');
    if (!change) return;
    const actor = await this.person(p.actorId);
    if (actor?.role === 'client') {
      const ticket = await repo.ticketForMail(this.db, p.ticketId);
      if (ticket) await this.clientUpdate(ticket, actor, { kind: 'status', from: String(change.from), to: String(change.to) }, key);
      return;
    }
    if (change.to === 'waiting_on_customer') await this.clientStatus(p.ticketId, 'waiting', key);
    if (change.to === 'resolved') await this.clientStatus(p.ticketId, 'resolved', key);
  }

  /** A client's edit (title, description, type fields) of an escalated ticket: the field names only. */
  async clientEdit(p: Changed, key: string) {
    const actor = await this.person(p.actorId);
    if (actor?.role !== 'client' || !p.changes.length) return;
    const ticket = await repo.ticketForMail(this.db, p.ticketId);
    if (ticket) await this.clientUpdate(ticket, actor, { kind: 'edit', fields: p.changes.map((c) => c.field) }, key);
  }

  private async clientUpdate(ticket: MailTicket, client: MailPerson, change: texts.ClientChange, key: string) {
    if (ticket.escalationLevel <= 0) return;
    const audience = await this.escalationAudience(ticket, null);
    const v = { actor: client.name, level: ticket.escalationLevel, reason: ticket.escalationReason, change };
    await this.send(key, audience.map((a) => ({ to: a.email, ...texts.clientUpdateMail(a.language, ticket, v, this.link(ticket.number, 'staff')), kind: 'ticket.escalated_update' })));
  }

  /** The escalation itself reaches the same people, except whoever escalated. */
  async escalated(p: Changed, key: string) {
    const ticket = await repo.ticketForMail(this.db, p.ticketId);
    if (!ticket) return;
    const actor = await this.person(p.actorId);
    const level = Number(p.changes.find((c) => c.field === 'escalationLevel')?.to ?? ticket.escalationLevel);
    const reason = (p.changes.find((c) => c.field === 'escalationReason')?.to as string | undefined) ?? ticket.escalationReason;
    const audience = await this.escalationAudience(ticket, p.actorId);
    const v = { actor: actor?.name ?? 'Switchboard', level, reason };
    await this.send(key, audience.map((a) => ({ to: a.email, ...texts.escalatedMail(a.language, ticket, v, this.link(ticket.number, 'staff')), kind: 'ticket.escalated' })));
  }

  async clientStatus(ticketId: string, kind: 'waiting' | 'resolved' | 'autoClosed', key: string) {
    const ticket = await repo.ticketForMail(this.db, ticketId);
    if (!ticket) return;
    const client = await this.clientAudience(ticket);
    if (!client) return;
    const mail = texts.clientStatusMail(client.language, kind, ticket, client.name, this.link(ticket.number, 'client'));
    await this.send(key, [{ to: client.email, ...mail, kind: kind === 'autoClosed' ? 'ticket.auto_closed' : `ticket.${kind}` }]);
  }
}

/** Active staff only, each once, without the person who caused the mail. */
function staffAddressees(people: (MailPerson | undefined)[], exceptId: string | null): Addressee[] {
  const seen = new Set<string>();
  const out: Addressee[] = [];
  for (const p of people) {
    if (!p || !p.active || p.role === 'client' || p.id === exceptId || seen.has(p.id)) continue;
    seen.add(p.id);
    out.push({ email: p.email, name: p.name, language: languageOf(p.language) });
  }
  return out;
}
