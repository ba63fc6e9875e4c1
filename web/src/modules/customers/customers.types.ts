/**
 * Shapes of the customers API: aliases of the types generated from the server's OpenAPI document
 * (api/schema.gen.ts). The runtime lists are for pickers; `every` checks each against the generated union.
 */
import { type ElementOf, every, type ItemOf, type QueryOf, type ResponseOf } from '../../api/schema.ts';

export type Customer = ItemOf<'/api/v1/customers'>;
export type CustomerDetail = ResponseOf<'/api/v1/customers/{idOrNumber}', 'get'>;
export type Address = ElementOf<CustomerDetail['addresses']>;
export type Ref = NonNullable<Customer['owner']>;
export type CustomerType = Customer['type'];
export type CustomerLevel = Customer['level'];
export type CustomerStatus = Customer['status'];
export type CustomerPriority = Customer['priority'];
export type AddressKind = Address['kind'];
export type CustomerSort = NonNullable<QueryOf<'/api/v1/customers', 'get'>['sort']>;

export const CUSTOMER_TYPES = every<CustomerType>({ individual: true, company: true });
export const CUSTOMER_LEVELS = every<CustomerLevel>({ important: true, normal: true, potential: true });
export const CUSTOMER_STATUSES = every<CustomerStatus>({ LEAD: true, PROSPECT: true, CUSTOMER: true, INACTIVE: true });
export const CUSTOMER_PRIORITIES = every<CustomerPriority>({ LOW: true, MEDIUM: true, HIGH: true, CRITICAL: true });
export const ADDRESS_KINDS = every<AddressKind>({ billing: true, shipping: true, office: true, home: true, other: true });
export const CUSTOMER_SORTS = every<CustomerSort>({ name: true, number: true, created: true, lastContact: true, lifetimeValue: true });

/** The list filter; a saved segment stores exactly this. */
export interface CustomerFilter {
  q?: string;
  status?: CustomerStatus[];
  type?: CustomerType;
  level?: CustomerLevel[];
  priority?: CustomerPriority[];
  ownerId?: string;
  teamId?: string;
  tags?: string[];
  custom?: Record<string, unknown>;
}

/** A saved segment; the server answers its filter as stored, which is the one this client saved. */
export type Segment = Omit<ItemOf<'/api/v1/customer-segments'>, 'filter'> & { filter: CustomerFilter };

export type CustomFieldDefinition = ItemOf<'/api/v1/custom-fields'>;
export type CustomFieldType = CustomFieldDefinition['type'];
export const CUSTOM_FIELD_TYPES = every<CustomFieldType>({ text: true, number: true, date: true, select: true, 'multi-select': true, checkbox: true });

type OverviewResponse = ResponseOf<'/api/v1/customers/{idOrNumber}/overview', 'get'>;
export type Overview = Omit<OverviewResponse, 'sections'> & { sections: OverviewSections };
export type TimelineItem = ElementOf<OverviewResponse['timeline']['items']>;

type ContractItem = ItemOf<'/api/v1/customers/{idOrNumber}/contracts'>;
type InvoiceItem = ItemOf<'/api/v1/customers/{idOrNumber}/invoices'>;
/** What the billing section of the overview lists (the contract types it as any module's section). */
export type LatestContract = Pick<ContractItem, 'id' | 'number' | 'title' | 'value' | 'currency' | 'status' | 'startDate' | 'endDate'>;
export type LatestInvoice = Pick<InvoiceItem, 'id' | 'number' | 'amount' | 'paidAmount' | 'currency' | 'status' | 'dueDate'>;
/** The sections other modules add to the overview, as the billing and activities modules fill them. */
export interface OverviewSections {
  contracts?: { count: number; active: number; activeValue: string; latest: LatestContract[] };
  invoices?: { count: number; unpaid: number; outstanding: string; latest: LatestInvoice[] };
  activities?: { count: number; open: number; completed: number };
  tickets?: { count: number; open: number; latest: { id: string; number: string; title: string; status: string; priority: number; createdAt: string }[] };
  [name: string]: unknown;
}

/** The 409 a duplicate phone/e-mail/tax ID answers with (CUS-2): part of the problem body, which has no schema. */
export interface DuplicateRef {
  id: string;
  number: string;
  name: string;
}
