/**
 * Shapes of the tickets API (mirrors server/src/modules/tickets/tickets.contracts.ts and
 * config.contracts.ts). Shared by the staff workspace and the client portal.
 */
// The server's own status graph and SLA policy shape, so the moves offered cannot drift from the
// moves allowed. tickets.workflow.ts imports nothing, so the value import adds only those constants
// to the bundle; sla.ts is imported for its type alone.
import type { SlaPolicy as SlaTargets } from '../../../../server/src/modules/tickets/sla.ts';
import { CLIENT_TRANSITIONS, MESSAGE_MAX, STATUSES, type TicketStatus, TITLE_MAX, TRANSITIONS } from '../../../../server/src/modules/tickets/tickets.workflow.ts';
import type { CustomFieldType } from '../customers/customers.types.ts';

export { CLIENT_TRANSITIONS, MESSAGE_MAX, type TicketStatus, TITLE_MAX, TRANSITIONS };

export const TICKET_STATUSES = STATUSES;
export const TICKET_CATEGORIES = ['QUESTION', 'PROBLEM', 'REQUEST', 'INCIDENT'] as const;
export const TICKET_SOURCES = ['portal', 'email', 'chat', 'phone', 'web_form', 'api', 'bulk'] as const;
export const TICKET_PRIORITIES = [1, 2, 3, 4, 5] as const;
export const BUILTIN_VIEWS = ['my_open', 'unassigned', 'breaching_sla'] as const;

export type TicketCategory = (typeof TICKET_CATEGORIES)[number];
export type TicketSource = (typeof TICKET_SOURCES)[number];
export type BuiltinView = (typeof BUILTIN_VIEWS)[number];

/** Statuses that still count as open work (SLA clocks run, escalation is possible). */
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'in_progress', 'waiting_on_customer'];

export interface Ref {
  id: string;
  name: string;
}

export interface TicketSla {
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstResponseBreachedAt: string | null;
  resolutionBreachedAt: string | null;
  breached: boolean;
}

export interface Ticket {
  id: string;
  number: string;
  title: string;
  type: { id: string; key: string; name: string };
  category: TicketCategory;
  priority: number;
  status: TicketStatus;
  component: Ref | null;
  customer: { id: string; number: string; name: string };
  processor: Ref | null;
  source: TicketSource;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  escalationLevel: number;
  sla: TicketSla;
  satisfactionRating: number | null;
  version: number;
}

export interface RelatedTicket {
  id: string;
  number: string;
  title: string;
  status: TicketStatus;
  kind: 'related' | 'duplicate_of';
}

export interface TicketDetail extends Ticket {
  description: string;
  descriptionHtml: string;
  requester: Ref | null;
  createdBy: Ref | null;
  typeFields: Record<string, unknown>;
  custom: Record<string, unknown>;
  contact: { name: string | null; phone: string | null; email: string | null; location: string | null; timeZone: string | null };
  escalationReason: string | null;
  escalatedAt: string | null;
  slaWarnedAt: string | null;
  followUpAt: string | null;
  mergedInto: { id: string; number: string } | null;
  satisfaction: { rating: number; comment: string | null; ratedAt: string | null } | null;
  campaignRef: string | null;
  productInterest: string[];
  /** TKT-1: linked tickets in both directions, only those the reader may see. */
  related: RelatedTicket[];
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
}

export interface TicketFile {
  id: string;
  name: string;
  size: number;
  mimeType: string;
  inlineImage: boolean;
  url: string;
}

export interface TicketMessage {
  id: string;
  author: Ref | null;
  body: string;
  bodyHtml: string;
  internal: boolean;
  file: TicketFile | null;
  createdAt: string;
}

export interface HistoryEntry {
  id: number;
  at: string;
  actor: Ref | null;
  action: string;
  changes: { field: string; from: unknown; to: unknown }[];
  text: string;
}

/** One extra field a type asks for: the custom-field shape, so CustomFieldInput renders it. */
export interface TypeField {
  key: string;
  label: string;
  /** The label by language ({en,vi,bg,zh}), where the server sends one; `label` is the fallback. */
  labels?: Partial<Record<string, string>>;
  type: CustomFieldType;
  options: string[];
  required: boolean;
  active: boolean;
}

export interface TicketType {
  id: string;
  key: string;
  name: string;
  labels: Record<string, string>;
  fields: TypeField[];
  active: boolean;
  position: number;
  /** Contract item 8: the portal's dedicated forms (absent on older servers). */
  portalForm?: 'problem_report' | 'feedback' | null;
  version: number;
}

export const DISTRIBUTIONS = ['manual', 'round_robin', 'least_load'] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];
export type StaffRole = 'agent' | 'manager';

export interface ComponentStaff {
  id: string;
  name: string;
  role: StaffRole;
  available: boolean;
}

export interface TicketComponent {
  id: string;
  key: string;
  name: string;
  description: string | null;
  active: boolean;
  distribution: Distribution;
  staff: ComponentStaff[];
  version: number;
}

/** A policy as GET /ticket-sla-policies lists it: the server's targets and the row's version. */
export interface SlaPolicy extends SlaTargets {
  version: number;
}

/** The list filter: query parameters, and what a saved view stores. */
export interface TicketFilter {
  q?: string;
  status?: TicketStatus[];
  componentId?: string[];
  type?: string[];
  priority?: number[];
  customerId?: string;
  /** 'me', 'none' (unassigned) or a user id. */
  processorId?: string;
  tags?: string[];
  createdFrom?: string;
  createdTo?: string;
  slaBreached?: boolean;
}

export interface TicketView {
  id: string;
  name: string;
  filter: TicketFilter;
  createdAt: string | null;
}
