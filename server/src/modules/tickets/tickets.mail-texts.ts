import type { Language } from '../../platform/i18n/languages.ts';
import { ticketTexts } from './tickets.texts.ts';

/**
 * Every ticket e-mail, put together from the words in tickets.texts.ts in the recipient's language.
 * Plain text only: message text goes out exactly as typed, so nothing anyone writes is ever
 * interpreted as markup. Callers pass only public text here (a public message, the description, an
 * escalation reason).
 */
const w = ticketTexts.text;

export interface TicketRef {
  number: string;
  title: string;
}

/** What the client did to an escalated ticket. */
export type ClientChange =
  | { kind: 'message'; body: string }
  | { kind: 'attachment'; file: string }
  | { kind: 'status'; from: string; to: string }
  | { kind: 'edit'; fields: string[] };

const STATUSES = ['new', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'] as const;
const FIELDS = ['title', 'description', 'typeFields'] as const;
const statusName = (lang: Language, s: string) => ((STATUSES as readonly string[]).includes(s) ? w(lang, `status.${s as (typeof STATUSES)[number]}`) : s);
const fieldName = (lang: Language, f: string) => ((FIELDS as readonly string[]).includes(f) ? w(lang, `field.${f as (typeof FIELDS)[number]}`) : f);

export interface MailText {
  subject: string;
  text: string;
}
const mail = (subject: string, lines: (string | null)[]): MailText => ({ subject, text: lines.filter((l) => l !== null).join('\n') });
const ref = (t: TicketRef) => ({ number: t.number, title: t.title });

/** TKT-8, to each responsible staff member of the component. */
export function newTicketMail(lang: Language, t: TicketRef & { component: string; customer: string; priority: number; description: string }, link: string) {
  return mail(w(lang, 'newTicket.subject', { ...ref(t), component: t.component }), [
    w(lang, 'newTicket.intro', { component: t.component }),
    `${w(lang, 'newTicket.customer')} ${t.customer}`,
    `${w(lang, 'newTicket.priority')} ${t.priority}`,
    '',
    t.description,
    '',
    `${w(lang, 'mail.open')} ${link}`,
  ]);
}

/** TKT-7, to the processor and the component's managers when a ticket is escalated. */
export function escalatedMail(lang: Language, t: TicketRef, v: { actor: string; level: number; reason: string | null }, link: string) {
  return mail(w(lang, 'escalated.subject', { ...ref(t), level: v.level }), [
    w(lang, 'escalated.intro', { actor: v.actor, level: v.level }),
    v.reason ? `${w(lang, 'escalated.reason')} ${v.reason}` : null,
    '',
    `${w(lang, 'mail.open')} ${link}`,
  ]);
}

/** TKT-7, to the processor and the component's managers when the client touches an escalated ticket. */
export function clientUpdateMail(lang: Language, t: TicketRef, v: { actor: string; level: number; reason: string | null; change: ClientChange }, link: string) {
  const c = v.change;
  const what =
    c.kind === 'message' ? [w(lang, 'clientUpdate.message'), c.body]
    : c.kind === 'attachment' ? [`${w(lang, 'clientUpdate.attachment')} ${c.file}`]
    : c.kind === 'status' ? [`${w(lang, 'clientUpdate.status')} ${statusName(lang, c.from)} → ${statusName(lang, c.to)}`]
    : [`${w(lang, 'clientUpdate.edit')} ${c.fields.map((f) => fieldName(lang, f)).join(', ')}`];
  return mail(w(lang, 'clientUpdate.subject', ref(t)), [
    w(lang, 'clientUpdate.intro', { actor: v.actor, level: v.level }),
    v.reason ? `${w(lang, 'escalated.reason')} ${v.reason}` : null,
    '',
    ...what,
    '',
    `${w(lang, 'mail.open')} ${link}`,
  ]);
}

/** To the client: a public staff reply (its text is public) or a public file (its name only). */
export function replyMail(lang: Language, t: TicketRef, v: { recipient: string; author: string; body: string; file: string | null }, link: string) {
  const content = v.file ? [w(lang, 'reply.attached', { ...ref(t), author: v.author, file: v.file })] : [w(lang, 'reply.wrote', { ...ref(t), author: v.author }), '', v.body];
  return mail(w(lang, 'reply.subject', ref(t)), [w(lang, 'mail.hello', { name: v.recipient }), '', ...content, '', `${w(lang, 'mail.open')} ${link}`, '', w(lang, 'mail.regards')]);
}

/** To the client when the ticket waits on them, is resolved, or was auto-closed (TKT-6). */
export function clientStatusMail(lang: Language, kind: 'waiting' | 'resolved' | 'autoClosed', t: TicketRef, recipient: string, link: string) {
  return mail(w(lang, `${kind}.subject`, ref(t)), [w(lang, 'mail.hello', { name: recipient }), '', w(lang, `${kind}.body`, ref(t)), link, '', w(lang, 'mail.regards')]);
}

/** TKT-8 for a bulk import: one mail per component and staff member, naming the first numbers. */
export function bulkDigestMail(lang: Language, v: { count: number; component: string; numbers: string[] }, link: string) {
  const more = Math.max(0, v.count - v.numbers.length);
  const list = v.numbers.join(', ');
  const numbers = more ? w(lang, 'bulkDigest.more', { list, more }) : list;
  const one = v.count === 1;
  return mail(w(lang, one ? 'bulkDigest.subjectOne' : 'bulkDigest.subjectMany', { count: v.count, component: v.component }), [
    w(lang, one ? 'bulkDigest.bodyOne' : 'bulkDigest.bodyMany', { count: v.count, component: v.component, numbers }),
    '',
    `${w(lang, 'bulkDigest.list')} ${link}`,
  ]);
}
