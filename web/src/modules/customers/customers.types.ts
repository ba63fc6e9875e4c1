/** Shapes of the customers API (mirrors server/src/modules/customers/customers.contracts.ts). */
export const CUSTOMER_TYPES = ['individual', 'company'] as const;
export const CUSTOMER_LEVELS = ['important', 'normal', 'potential'] as const;
export const CUSTOMER_STATUSES = ['LEAD', 'PROSPECT', 'CUSTOMER', 'INACTIVE'] as const;
export const CUSTOMER_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export const ADDRESS_KINDS = ['billing', 'shipping', 'office', 'home', 'other'] as const;
export const CUSTOMER_SORTS = ['name', 'number', 'created', 'lastContact', 'lifetimeValue'] as const;

export type CustomerType = (typeof CUSTOMER_TYPES)[number];
export type CustomerLevel = (typeof CUSTOMER_LEVELS)[number];
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export type CustomerPriority = (typeof CUSTOMER_PRIORITIES)[number];
export type AddressKind = (typeof ADDRESS_KINDS)[number];
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export interface Ref {
  id: string;
  name: string;
}

export interface Address {
  id: string;
  kind: AddressKind;
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  isPrimary: boolean;
}

export interface Customer {
  id: string;
  number: string;
  type: CustomerType;
  name: string;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  taxId: string | null;
  industry: string | null;
  employeeCount: number | null;
  annualRevenue: string | null;
  website: string | null;
  country: string | null;
  level: CustomerLevel;
  status: CustomerStatus;
  priority: CustomerPriority;
  source: string | null;
  tags: string[];
  owner: Ref | null;
  team: Ref | null;
  notes: string | null;
  lastContactAt: string | null;
  nextContactAt: string | null;
  totalValue: string;
  lifetimeValue: string;
  custom: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CustomerDetail extends Customer {
  addresses: Address[];
}

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

export interface Segment {
  id: string;
  name: string;
  filter: CustomerFilter;
  shared: boolean;
  owner: Ref | null;
  mine: boolean;
  version: number;
}

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'multi-select', 'checkbox'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldDefinition {
  id: string;
  entity: 'customer' | 'ticket' | 'opportunity';
  key: string;
  label: string;
  labels: Record<string, string>;
  type: CustomFieldType;
  options: string[];
  required: boolean;
  active: boolean;
  position: number;
  version: number;
}

export interface TimelineItem {
  at: string;
  kind: string;
  id: string;
  title: string;
  data: Record<string, unknown>;
}

export interface LatestContract {
  id: string;
  number: string;
  title: string;
  value: string;
  currency: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
}

export interface LatestInvoice {
  id: string;
  number: string;
  amount: string;
  paidAmount: string;
  currency: string;
  status: string;
  dueDate: string | null;
}

export interface Overview {
  customer: CustomerDetail;
  sections: {
    contracts?: { count: number; active: number; activeValue: string; latest: LatestContract[] };
    invoices?: { count: number; unpaid: number; outstanding: string; latest: LatestInvoice[] };
    activities?: { count: number; open: number; completed: number };
    tickets?: { count: number; open: number; latest: { id: string; number: string; title: string; status: string; priority: number; createdAt: string }[] };
    [name: string]: unknown;
  };
  timeline: { items: TimelineItem[]; nextCursor: string | null };
}

/** The 409 a duplicate phone/e-mail/tax ID answers with (CUS-2). */
export interface DuplicateRef {
  id: string;
  number: string;
  name: string;
}
