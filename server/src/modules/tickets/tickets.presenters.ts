import { iso } from '../../platform/http/common-schemas.ts';
import { renderMarkdown } from '../../platform/text/markdown.ts';
import type { MessageRow } from './messages.repository.ts';
import type { RelatedRow } from './relations.repository.ts';
import type { TicketDetailRow, TicketRow } from './tickets.repository.ts';
import { isOpen } from './tickets.workflow.ts';

/** Text is stored as typed; its HTML form is the safe Markdown subset (platform/text/markdown.ts). */
const renderText = renderMarkdown;

type Status = 'new' | 'in_progress' | 'waiting_on_customer' | 'resolved' | 'closed';
type Category = 'QUESTION' | 'PROBLEM' | 'REQUEST' | 'INCIDENT';
type Source = 'portal' | 'email' | 'chat' | 'phone' | 'web_form' | 'api' | 'bulk';

/** A client reads only the custom values of fields shown to clients (decision 0007). */
const customFor = (custom: Record<string, unknown>, clientKeys: Set<string> | null) =>
  clientKeys ? Object.fromEntries(Object.entries(custom).filter(([key]) => clientKeys.has(key))) : custom;

/**
 * Per audience: tags are staff's working labels ("vip"), so a client's payload carries them empty;
 * custom values a client sees only of the fields the admin shows to clients. `clientKeys`: for a
 * client reader, the keys of those fields (null for staff).
 */
export function presentTicket(t: TicketRow, clientKeys: Set<string> | null) {
  const forClient = clientKeys !== null;
  return {
    id: t.id,
    number: t.number,
    title: t.title,
    type: t.type,
    category: t.category as Category,
    priority: t.priority,
    status: t.status as Status,
    component: t.component,
    customer: t.customer,
    processor: t.processor,
    source: t.source as Source,
    tags: forClient ? [] : (t.tags ?? []),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    lastActivityAt: t.lastActivityAt.toISOString(),
    escalationLevel: t.escalationLevel,
    sla: {
      firstResponseDueAt: iso(t.firstResponseDueAt),
      resolutionDueAt: iso(t.resolutionDueAt),
      firstResponseBreachedAt: iso(t.firstResponseBreachedAt),
      resolutionBreachedAt: iso(t.resolutionBreachedAt),
      breached: Boolean(t.firstResponseBreachedAt || t.resolutionBreachedAt),
      running: isOpen(t.status),
    },
    satisfactionRating: t.satisfactionRating,
    custom: customFor(t.custom, clientKeys),
    version: t.version,
  };
}

/** What the reader may do with the ticket now, decided by tickets.policy (the UI offers exactly these). */
export interface TicketActions {
  allowedTransitions: Status[];
  canEscalate: boolean;
  canRate: boolean;
}

/** `clientKeys`: for a client reader, the custom fields they may see (null for staff). */
export function presentTicketDetail(t: TicketDetailRow, clientKeys: Set<string> | null, related: RelatedRow[], actions: TicketActions) {
  const forClient = clientKeys !== null;
  return {
    ...presentTicket(t, clientKeys),
    ...actions,
    description: t.description,
    descriptionHtml: renderText(t.description),
    requester: t.requester,
    createdBy: t.createdBy,
    typeFields: t.typeFields,
    contact: { name: t.contactName, phone: t.contactPhone, email: t.contactEmail, location: t.contactLocation, timeZone: t.contactTimeZone },
    escalationReason: t.escalationReason,
    escalatedAt: iso(t.escalatedAt),
    slaWarnedAt: forClient ? null : iso(t.slaWarnedAt),
    followUpAt: forClient ? null : iso(t.followUpAt),
    mergedInto: t.mergedInto,
    satisfaction: t.satisfactionRating === null ? null : { rating: t.satisfactionRating, comment: t.satisfactionComment, ratedAt: iso(t.ratedAt) },
    campaignRef: forClient ? null : t.campaignRef,
    productInterest: forClient ? [] : (t.productInterest ?? []),
    related: related.map((r) => ({ id: r.id, number: r.number, title: r.title, status: r.status as Status, kind: r.kind as 'related' | 'duplicate_of' })),
    firstResponseAt: iso(t.firstResponseAt),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
  };
}

export function presentMessage(m: Pick<MessageRow, 'id' | 'author' | 'body' | 'internal' | 'file' | 'createdAt'>) {
  return {
    id: m.id,
    author: m.author,
    body: m.body,
    bodyHtml: renderText(m.body),
    internal: m.internal,
    file: m.file ? { ...m.file, url: `/api/v1/files/${m.file.id}` } : null,
    createdAt: m.createdAt.toISOString(),
  };
}
export type PresentedMessage = ReturnType<typeof presentMessage>;

const show = (v: unknown, names: Map<string, string>) => {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string' && names.has(v)) return names.get(v)!;
  return Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
};

/** A history entry as one readable line: "Peter Nguyen: status new → in_progress; component — → Hardware". */
export function historyText(actor: string | null, action: string, changes: { field: string; from: unknown; to: unknown }[], names: Map<string, string>): string {
  const who = actor ?? 'System';
  if (action === 'message') return `${who} wrote a message`;
  if (action === 'note') return `${who} wrote an internal note`;
  if (action === 'attachment') return `${who} attached ${show(changes[0]?.to, names)}`;
  if (action === 'created') return `${who} created the ticket`;
  const to = (field: string) => changes.find((c) => c.field === field)?.to;
  if (action === 'escalated') return `${who} escalated the ticket to level ${show(to('escalationLevel'), names)}: ${show(to('escalationReason'), names)}`;
  if (action === 'linked') return `${who} linked ${show(to('related'), names)}`;
  if (action === 'unlinked') return `${who} unlinked ${show(changes.find((c) => c.field === 'related')?.from, names)}`;
  if (action === 'rated') return `${who} rated ${show(to('satisfactionRating'), names)}/5`;
  const parts = changes.map((c) => `${c.field} ${show(c.from, names)} → ${show(c.to, names)}`);
  return parts.length ? `${who}: ${parts.join('; ')}` : `${who}: ${action}`;
}
