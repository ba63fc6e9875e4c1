import { z } from 'zod';
import { isoDateTime } from '../../platform/http/common-schemas.ts';
import { jsonQuery } from '../../platform/http/json-query.ts';
import { pageQuery } from '../../platform/http/pagination.ts';
import { MESSAGE_MAX, STATUSES, TITLE_MAX } from './tickets.workflow.ts';

export const CATEGORIES = ['QUESTION', 'PROBLEM', 'REQUEST', 'INCIDENT'] as const;
export const SOURCES = ['portal', 'email', 'chat', 'phone', 'web_form', 'api', 'bulk'] as const;
export { MESSAGE_MAX, TITLE_MAX };

const tags = z.array(z.string().trim().min(1).max(50)).max(30).transform((t) => [...new Set(t)]);
const values = z.record(z.string().max(40), z.unknown());
/** TKT-1 telesales (staff only): the campaign and the products the customer asked about. */
const campaignRef = z.string().trim().max(100).nullable().transform((v) => v || null);
const productInterest = z.array(z.string().trim().min(1).max(100)).max(20).transform((p) => [...new Set(p)]);
/** A type by its key (`programming`) or id. */
const typeRef = z.string().trim().min(1).max(60);

export const ticketRef = z.union([z.uuid(), z.string().regex(/^TCK-\d{6,}$/i, 'A ticket id or number (TCK-NNNNNN).')]);
export const ticketParam = z.object({ idOrNumber: ticketRef });

export const createTicketBody = z.strictObject({
  title: z.string().trim().min(1).max(TITLE_MAX),
  description: z.string().trim().min(1).max(MESSAGE_MAX),
  type: typeRef,
  category: z.enum(CATEGORIES).default('QUESTION'),
  priority: z.number().int().min(1).max(5).default(3),
  /** Staff: required. Clients: their own customer (any other is refused). */
  customerId: z.uuid().optional(),
  componentId: z.uuid().nullable().optional(),
  processorId: z.uuid().nullable().optional(),
  source: z.enum(SOURCES).optional(),
  tags: tags.optional(),
  typeFields: values.optional(),
  custom: values.optional(),
  campaignRef: campaignRef.optional(),
  productInterest: productInterest.optional(),
});
export type CreateTicketInput = z.infer<typeof createTicketBody>;

export const updateTicketBody = z.strictObject({
  title: z.string().trim().min(1).max(TITLE_MAX).optional(),
  description: z.string().trim().min(1).max(MESSAGE_MAX).optional(),
  category: z.enum(CATEGORIES).optional(),
  priority: z.number().int().min(1).max(5).optional(),
  customerId: z.uuid().optional(),
  componentId: z.uuid().nullable().optional(),
  processorId: z.uuid().nullable().optional(),
  tags: tags.optional(),
  typeFields: values.optional(),
  custom: values.optional(),
  /** TKT-10 (staff only): when the processor wants a reminder; null clears it. */
  followUpAt: isoDateTime.nullable().optional(),
  campaignRef: campaignRef.optional(),
  productInterest: productInterest.optional(),
});
export type UpdateTicketInput = z.infer<typeof updateTicketBody>;

export const statusBody = z.strictObject({ status: z.enum(STATUSES) });
/** TKT-7: why the ticket needs more attention (priority 4–5 only; If-Match). */
export const escalateBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
/** TKT-12: the client's rating after resolution; a second one replaces the first. */
export const satisfactionBody = z.strictObject({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).nullish() });
/** TKT-1 related tickets: the other ticket by id or number. */
export const relatedBody = z.strictObject({ ticket: ticketRef });
export const relatedParam = z.object({ idOrNumber: ticketRef, relatedIdOrNumber: ticketRef });
export const assignBody = z.strictObject({ processorId: z.uuid().nullable().optional(), componentId: z.uuid().nullable().optional() });

export const messageBody = z.strictObject({
  body: z.string().trim().min(1).max(MESSAGE_MAX),
  /** Staff only: a note other staff see and clients never do. */
  internal: z.boolean().default(false),
});
export const attachmentQuery = z.object({ internal: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).min(1).max(50));
const userRef = z.union([z.literal('me'), z.uuid()]);

/** The list filters: query parameters, and the body of a saved view. */
export const ticketFilter = z.strictObject({
  q: z.string().trim().min(1).max(200).optional(),
  status: list(z.enum(STATUSES)).optional(),
  componentId: list(z.uuid()).optional(),
  type: list(typeRef).optional(),
  priority: list(z.coerce.number().int().min(1).max(5)).optional(),
  /** The channel a ticket came in by (the call centre's list shows phone tickets). */
  source: list(z.enum(SOURCES)).optional(),
  customerId: z.uuid().optional(),
  createdBy: userRef.optional(),
  /** `none`: unassigned. */
  processorId: z.union([userRef, z.literal('none')]).optional(),
  tags: list(z.string().trim().min(1).max(50)).optional(),
  createdFrom: isoDateTime.optional(),
  createdTo: isoDateTime.optional(),
  /** Custom field values (PLT-11): an object in a saved view, its JSON text in a query string. */
  custom: jsonQuery(z.record(z.string().max(40), z.unknown())).optional(),
  /** Only tickets of components the caller is responsible for. */
  myComponents: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()).optional(),
  /** TKT-9: open tickets whose first-response or resolution target was missed (false: the others). */
  slaBreached: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()).optional(),
});
export type TicketFilter = z.infer<typeof ticketFilter>;

export const BUILTIN_VIEWS = ['my_open', 'unassigned', 'breaching_sla', 'open'] as const;
export const listTicketsQuery = ticketFilter.extend({
  ...pageQuery,
  /** A built-in view (my_open, unassigned, breaching_sla, open) or the id of a saved one; explicit filters override it. */
  view: z.union([z.enum(BUILTIN_VIEWS), z.uuid()]).optional(),
});
export type ListTicketsQuery = z.infer<typeof listTicketsQuery>;

export const viewBody = z.strictObject({ name: z.string().trim().min(1).max(100), filter: ticketFilter });

// ── responses ────────────────────────────────────────────────────────────────────────────────
const ref = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const ticketResponse = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  type: z.object({ id: z.uuid(), key: z.string(), name: z.string() }),
  category: z.enum(CATEGORIES),
  priority: z.number().int(),
  status: z.enum(STATUSES),
  component: ref,
  customer: z.object({ id: z.uuid(), number: z.string(), name: z.string() }),
  processor: ref,
  source: z.enum(SOURCES),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastActivityAt: z.string(),
  /** TKT-7: 0 = not escalated; each escalation adds one. */
  escalationLevel: z.number().int(),
  /** TKT-9: due dates from the SLA policy of the priority, and when a target was missed. */
  sla: z.object({
    firstResponseDueAt: z.string().nullable(),
    resolutionDueAt: z.string().nullable(),
    firstResponseBreachedAt: z.string().nullable(),
    resolutionBreachedAt: z.string().nullable(),
    breached: z.boolean(),
    running: z.boolean().describe('The SLA clocks run: the ticket is still open (not resolved or closed)'),
  }),
  /** TKT-12: the client's 1–5 rating, once given. */
  satisfactionRating: z.number().int().nullable(),
  /** PLT-11 custom values by field key; a client gets only those of fields shown to clients (decision 0007). */
  custom: values,
  version: z.number().int(),
});

export const ticketDetailResponse = ticketResponse.extend({
  allowedTransitions: z.array(z.enum(STATUSES)).describe('The statuses this reader may move the ticket to now (TKT-3 graph, client and permission rules applied)'),
  canEscalate: z.boolean().describe('Whether this reader may escalate the ticket now (TKT-7: priority 4 or 5, not resolved or closed)'),
  canRate: z.boolean().describe('Whether this reader may rate the ticket now (TKT-12: its client, once resolved or closed)'),
  description: z.string(),
  /** The description rendered as the safe Markdown subset (typed HTML stays text; only http(s)/mailto links). */
  descriptionHtml: z.string(),
  requester: ref,
  createdBy: ref,
  typeFields: values,
  contact: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), location: z.string().nullable(), timeZone: z.string().nullable() }),
  escalationReason: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  /** Staff only (null for clients): when the SLA warning went out, and the processor's follow-up date. */
  slaWarnedAt: z.string().nullable(),
  followUpAt: z.string().nullable(),
  /** TKT-10 consolidation: the ticket this duplicate was merged into. */
  mergedInto: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  satisfaction: z.object({ rating: z.number().int(), comment: z.string().nullable(), ratedAt: z.string().nullable() }).nullable(),
  campaignRef: z.string().nullable(),
  productInterest: z.array(z.string()),
  /** TKT-1: linked tickets in both directions, only those the caller can see. */
  related: z.array(z.object({ id: z.uuid(), number: z.string(), title: z.string(), status: z.enum(STATUSES), kind: z.enum(['related', 'duplicate_of']) })),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});

export const fileRefResponse = z.object({ id: z.uuid(), name: z.string(), size: z.number().int(), mimeType: z.string(), inlineImage: z.boolean(), url: z.string() });

export const messageResponse = z.object({
  id: z.uuid(),
  author: ref,
  body: z.string(),
  bodyHtml: z.string(),
  internal: z.boolean(),
  file: fileRefResponse.nullable(),
  createdAt: z.string(),
});

export const historyEntryResponse = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: ref,
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  /** The entry as a sentence: "Peter Nguyen: status new → in_progress". */
  text: z.string(),
});
