import { z } from 'zod';
import { customerIdOrNumber, isoDateTime } from '../../platform/http/common-schemas.ts';
import { jsonQuery } from '../../platform/http/json-query.ts';
import { pageQuery } from '../../platform/http/pagination.ts';

export const CUSTOMER_TYPES = ['individual', 'company'] as const;
export const CUSTOMER_LEVELS = ['important', 'normal', 'potential'] as const;
export const CUSTOMER_STATUSES = ['LEAD', 'PROSPECT', 'CUSTOMER', 'INACTIVE'] as const;
export const CUSTOMER_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export const ADDRESS_KINDS = ['billing', 'shipping', 'office', 'home', 'other'] as const;
export const CUSTOMER_SORTS = ['name', 'number', 'created', 'lastContact', 'lifetimeValue'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const decimal = z
  .union([z.string().trim(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'A non-negative amount with at most 2 decimals.'));
const country = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'ISO 3166 two-letter code.');
const tags = z
  .array(z.string().trim().min(1).max(50))
  .max(50)
  .transform((t) => [...new Set(t)]);

/** `?status=LEAD,PROSPECT` or `?status=LEAD&status=PROSPECT` or (in a saved filter) a JSON array. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).min(1).max(50));
/** Custom field filter: an object in a saved filter, its JSON text in a query string. */
const customFilterValue = jsonQuery(z.record(z.string().max(40), z.unknown()));

export const addressBody = z.strictObject({
  kind: z.enum(ADDRESS_KINDS).default('office'),
  street: optionalText(300),
  city: optionalText(120),
  state: optionalText(120),
  postalCode: optionalText(20),
  country: country.nullable().optional(),
  isPrimary: z.boolean().default(false),
});
export const addressPatch = z.strictObject({
  kind: z.enum(ADDRESS_KINDS).optional(),
  street: optionalText(300),
  city: optionalText(120),
  state: optionalText(120),
  postalCode: optionalText(20),
  country: country.nullable().optional(),
  isPrimary: z.literal(true).optional(),
});

const profileFields = {
  firstName: optionalText(100),
  lastName: optionalText(100),
  /** Individuals: the name as written (default "first last"); becomes the display name. */
  fullName: optionalText(200),
  companyName: optionalText(200),
  title: optionalText(100),
  email: z.email().max(254).transform((e) => e.trim().toLowerCase()).nullable().optional(),
  /** Any common format; stored E.164 (region from `country`, else the primary address, else VN). */
  phone: optionalText(40),
  mobile: optionalText(40),
  taxId: optionalText(40),
  industry: optionalText(100),
  employeeCount: z.number().int().min(0).max(10_000_000).nullable().optional(),
  annualRevenue: decimal.nullable().optional(),
  website: optionalText(300),
  country: country.nullable().optional(),
  level: z.enum(CUSTOMER_LEVELS).optional(),
  status: z.enum(CUSTOMER_STATUSES).optional(),
  priority: z.enum(CUSTOMER_PRIORITIES).optional(),
  source: optionalText(100),
  tags: tags.optional(),
  notes: z.string().max(10_000).nullable().optional(),
  nextContactAt: isoDateTime.nullable().optional(),
  custom: z.record(z.string().max(40), z.unknown()).optional(),
};

export const createCustomerBody = z.strictObject({
  type: z.enum(CUSTOMER_TYPES).default('individual'),
  ...profileFields,
  /** Managers and admins may choose; otherwise the creator owns the customer. */
  ownerId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  addresses: z.array(addressBody).max(20).default([]),
});

/** Owner and team change through /assign (their own permission and history action). */
export const updateCustomerBody = z.strictObject({ type: z.enum(CUSTOMER_TYPES).optional(), ...profileFields });

export const assignBody = z
  .strictObject({ ownerId: z.uuid().nullable().optional(), teamId: z.uuid().nullable().optional() })
  .refine((b) => b.ownerId !== undefined || b.teamId !== undefined, { message: 'Give ownerId and/or teamId.', path: ['ownerId'] });

/** The list filter; a saved segment stores exactly this (CUS-4). */
export const customerFilter = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  status: list(z.enum(CUSTOMER_STATUSES)).optional(),
  type: z.enum(CUSTOMER_TYPES).optional(),
  level: list(z.enum(CUSTOMER_LEVELS)).optional(),
  priority: list(z.enum(CUSTOMER_PRIORITIES)).optional(),
  ownerId: z.union([z.uuid(), z.literal('me'), z.literal('none')]).optional(),
  teamId: z.uuid().optional(),
  /** Customers having all these tags. */
  tags: list(z.string().trim().min(1).max(50)).optional(),
  custom: customFilterValue.optional(),
});

export const listCustomersQuery = customerFilter.extend({
  segment: z.uuid().optional(),
  sort: z.enum(CUSTOMER_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).optional(),
  ...pageQuery,
});

export const idOrNumberParam = z.object({
  idOrNumber: customerIdOrNumber(),
});
export const addressParams = idOrNumberParam.extend({ addressId: z.uuid() });

const ref = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const addressResponse = z.object({
  id: z.uuid(),
  kind: z.enum(ADDRESS_KINDS),
  street: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
  isPrimary: z.boolean(),
});

export const customerResponse = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.enum(CUSTOMER_TYPES),
  /** Display name: the full name of an individual, the company name of a company. */
  name: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  companyName: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  taxId: z.string().nullable(),
  industry: z.string().nullable(),
  employeeCount: z.number().int().nullable(),
  annualRevenue: z.string().nullable(),
  website: z.string().nullable(),
  country: z.string().nullable(),
  level: z.enum(CUSTOMER_LEVELS),
  status: z.enum(CUSTOMER_STATUSES),
  priority: z.enum(CUSTOMER_PRIORITIES),
  source: z.string().nullable(),
  tags: z.array(z.string()),
  owner: ref,
  team: ref,
  notes: z.string().nullable(),
  lastContactAt: z.string().nullable(),
  nextContactAt: z.string().nullable(),
  totalValue: z.string().nullable().describe('Open opportunities: null until opportunities exist (not yet available); never written by clients'),
  lifetimeValue: z.string().describe('What the customer has paid on invoices (exact decimal), kept by the server; never written by clients'),
  custom: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export const customerDetailResponse = customerResponse.extend({ addresses: z.array(addressResponse) });

export const portalCustomerResponse = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.enum(CUSTOMER_TYPES),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  taxId: z.string().nullable(),
  website: z.string().nullable(),
  country: z.string().nullable(),
  contact: z.object({ name: z.string() }).nullable(),
  addresses: z.array(addressResponse),
});

export const segmentBody = z.strictObject({ name: text(100), filter: customerFilter, shared: z.boolean().default(false) });
export const segmentPatch = z.strictObject({ name: text(100).optional(), filter: customerFilter.optional(), shared: z.boolean().optional() });
export const segmentResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  filter: z.record(z.string(), z.unknown()),
  shared: z.boolean(),
  owner: ref,
  mine: z.boolean(),
  version: z.number().int(),
});

export type CreateCustomerInput = z.infer<typeof createCustomerBody>;
export type UpdateCustomerInput = z.infer<typeof updateCustomerBody>;
export type AddressInput = z.infer<typeof addressBody>;
export type AddressPatch = z.infer<typeof addressPatch>;
export type CustomerFilter = z.infer<typeof customerFilter>;
export type ListCustomersQuery = z.infer<typeof listCustomersQuery>;
