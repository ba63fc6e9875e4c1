/**
 * Shapes of the tickets API, shared by the staff workspace and the client portal: aliases of the types
 * generated from the server's OpenAPI document (api/schema.gen.ts), so they cannot drift from the contract.
 * Rules stay on the server: the moves a reader may make and whether it may escalate come with the ticket
 * (`allowedTransitions`, `canEscalate`), whether its SLA clocks run with its `sla` (`running`).
 */
import { maxLengths } from '../../api/schema.gen.ts';
import { type BodyOf, type ElementOf, every, type ItemOf, type ResponseOf } from '../../api/schema.ts';

export type Ticket = ItemOf<'/api/v1/tickets'>;
export type TicketDetail = ResponseOf<'/api/v1/tickets/{idOrNumber}', 'get'>;
export type TicketStatus = Ticket['status'];
export type TicketCategory = Ticket['category'];
export type TicketSource = Ticket['source'];
export type TicketSla = Ticket['sla'];
export type Ref = NonNullable<Ticket['processor']>;
export type RelatedTicket = ElementOf<TicketDetail['related']>;
export type TicketMessage = ItemOf<'/api/v1/tickets/{idOrNumber}/messages'>;
export type TicketFile = NonNullable<TicketMessage['file']>;
export type HistoryEntry = ItemOf<'/api/v1/tickets/{idOrNumber}/history'>;
export type TicketType = ItemOf<'/api/v1/ticket-types'>;
/** One extra field a type asks for: the custom-field shape, so CustomFieldInput renders it. */
export type TypeField = ElementOf<TicketType['fields']>;
export type TicketComponent = ItemOf<'/api/v1/ticket-components'>;
export type ComponentStaff = ElementOf<TicketComponent['staff']>;
export type Distribution = TicketComponent['distribution'];
export type StaffRole = ComponentStaff['role'];
/** A policy as GET /ticket-sla-policies lists it: the server's targets and the row's version. */
export type SlaPolicy = ItemOf<'/api/v1/ticket-sla-policies'>;

/** TKT-1/TKT-4 limits the server validates: a title, and a description or message, in characters. */
export const TITLE_MAX = maxLengths['POST /api/v1/tickets'].title;
export const MESSAGE_MAX = maxLengths['POST /api/v1/tickets/{idOrNumber}/messages'].body;

// Runtime lists for pickers; the compiler checks each against the generated union, both ways.
export const TICKET_STATUSES = every<TicketStatus>({ new: true, in_progress: true, waiting_on_customer: true, resolved: true, closed: true });
export const TICKET_CATEGORIES = every<TicketCategory>({ QUESTION: true, PROBLEM: true, REQUEST: true, INCIDENT: true });
export const TICKET_SOURCES = every<TicketSource>({ portal: true, email: true, chat: true, phone: true, web_form: true, api: true, bulk: true });
export const DISTRIBUTIONS = every<Distribution>({ manual: true, round_robin: true, least_load: true });
export const TICKET_PRIORITIES = [1, 2, 3, 4, 5] as const;
/** The built-in views GET /tickets?view= accepts (the API types it as any string: a saved view's id too). */
export const BUILTIN_VIEWS = ['my_open', 'unassigned', 'breaching_sla'] as const;
export type BuiltinView = (typeof BUILTIN_VIEWS)[number];

type ViewFilter = BodyOf<'/api/v1/ticket-views', 'post'>['filter'];

/** The list filter: query parameters, and what a saved view stores (the web uses these keys of it). */
export type TicketFilter = Pick<ViewFilter, 'q' | 'status' | 'componentId' | 'type' | 'priority' | 'source' | 'customerId' | 'processorId' | 'tags' | 'createdFrom' | 'createdTo' | 'slaBreached'> & {
  /** PLT-11 custom field values by key (`{ tier: 'gold' }`); the server checks each against its definition. */
  custom?: Record<string, unknown>;
};

/** A saved view; the server answers its filter as stored, which is the one this client saved. */
export type TicketView = Omit<ItemOf<'/api/v1/ticket-views'>, 'filter'> & { filter: TicketFilter };
