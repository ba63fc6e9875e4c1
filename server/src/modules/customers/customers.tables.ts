import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, date, index, integer, jsonb, numeric, pgSequence, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt, version } from '../../platform/db/columns.ts';

/** Public customer numbers CUST-YYYY-NNNNNN come from this sequence, never from count+1. */
export const customerNumberSeq = pgSequence('customer_number_seq', { startWith: 1 });
export const contractNumberSeq = pgSequence('contract_number_seq', { startWith: 1 });
export const invoiceNumberSeq = pgSequence('invoice_number_seq', { startWith: 1 });

/** Money: exact decimals, never floats. */
const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

/** The columns the customer list filters on most, carried by its sort indexes (see below). */
const listed = (t: { status: AnyPgColumn; level: AnyPgColumn; type: AnyPgColumn; ownerId: AnyPgColumn; teamId: AnyPgColumn }) =>
  [t.status, t.level, t.type, t.ownerId, t.teamId] as const;

/**
 * The customer profile (CUS-1). `name` is the display name: the full name of an individual or the
 * company name, kept in step by the use cases so search and sorting need one column.
 */
export const customers = pgTable(
  'customers',
  {
    id: id(),
    number: text('number').notNull().unique(),
    /** individual | company */
    type: text('type').notNull().default('company'),
    name: text('name').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    companyName: text('company_name'),
    title: text('title'),
    email: text('email'),
    /** E.164 */
    phone: text('phone'),
    mobile: text('mobile'),
    /** Companies only; stored upper-case without spaces. */
    taxId: text('tax_id'),
    industry: text('industry'),
    employeeCount: integer('employee_count'),
    annualRevenue: money('annual_revenue'),
    website: text('website'),
    /** ISO 3166-1 alpha-2; also the default region for reading national phone numbers. */
    country: text('country'),
    /** important | normal | potential */
    level: text('level').notNull().default('normal'),
    status: text('status').notNull().default('LEAD'),
    priority: text('priority').notNull().default('MEDIUM'),
    source: text('source'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    notes: text('notes'),
    lastContactAt: ts('last_contact_at'),
    nextContactAt: ts('next_contact_at'),
    /**
     * CUS-1 values (decision 0006). Lifetime value: what the customer has paid on invoices, changed in
     * the same transaction as every paid amount (billing.repository.ts addPaid). Total value (open
     * opportunities): null, unknown until opportunities exist — the sales module will keep it.
     */
    totalValue: money('total_value'),
    lifetimeValue: money('lifetime_value').notNull().default('0'),
    /** Custom field values (PLT-11), validated against custom_field_definitions. */
    custom: jsonb('custom').notNull().default(sql`'{}'::jsonb`),
    /**
     * What free-text search reads, kept by the database: the folded name and e-mail; the phones; the
     * number and tax ID — one trigram index each instead of one per field, so an import maintains three
     * and a search rechecks a stored string instead of calling unaccent() for every candidate row.
     * Phones stay apart from the number: digit trigrams are in every number, and mixed into one index
     * they made a phone-suffix search look so unselective that the planner scanned the whole table.
     * The newline keeps a match inside one field.
     */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`search_fold(name || E'\\n' || coalesce(email, ''))`),
    searchPhones: text('search_phones')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(phone, '') || E'\\n' || coalesce(mobile, '')`),
    searchIds: text('search_ids')
      .notNull()
      .generatedAlwaysAs(sql`number || E'\\n' || coalesce(tax_id, '')`),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('customers_search_text_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('customers_search_phones_trgm_idx').using('gin', sql`${t.searchPhones} gin_trgm_ops`),
    index('customers_search_ids_trgm_idx').using('gin', sql`${t.searchIds} gin_trgm_ops`),
    // CUS-2: unique among active customers, enforced by the database so concurrent creations cannot both win.
    uniqueIndex('customers_email_active_key').on(sql`lower(${t.email})`).where(sql`${t.status} <> 'INACTIVE'`),
    uniqueIndex('customers_phone_active_key').on(t.phone).where(sql`${t.status} <> 'INACTIVE'`),
    uniqueIndex('customers_tax_id_active_key').on(t.taxId).where(sql`${t.status} <> 'INACTIVE'`),
    index('customers_owner_idx').on(t.ownerId),
    index('customers_team_idx').on(t.teamId),
    index('customers_status_idx').on(t.status),
    index('customers_tags_idx').using('gin', t.tags),
    index('customers_custom_idx').using('gin', sql`${t.custom} jsonb_path_ops`),
    // Sort indexes: (key, id), then the list's usual filter columns. (key, id) is unique, so the extra
    // columns never change the order; they let listCustomers find a page by an index-only walk even
    // when the visible rows are sparse in sort order (a sales user's scope, an owner filter).
    index('customers_created_idx').on(t.createdAt, t.id, ...listed(t)),
    index('customers_sort_name_idx').on(sql`lower(${t.name})`, t.id, t.name, ...listed(t)),
    // Never-contacted customers sort as the oldest contact: keyset paging needs a non-null key.
    index('customers_last_contact_idx').on(sql`coalesce(${t.lastContactAt}, '-infinity'::timestamptz)`, t.id, t.lastContactAt, ...listed(t)),
    index('customers_lifetime_value_idx').on(t.lifetimeValue, t.id, ...listed(t)),
  ],
);

export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: id(),
    customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    /** billing | shipping | office | home | other */
    kind: text('kind').notNull().default('office'),
    street: text('street'),
    city: text('city'),
    state: text('state'),
    postalCode: text('postal_code'),
    country: text('country'),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('customer_addresses_customer_idx').on(t.customerId),
    // Exactly one primary per customer: at most one by this index, at least one by the use cases.
    uniqueIndex('customer_addresses_primary_key').on(t.customerId).where(sql`${t.isPrimary}`),
  ],
);

/** Saved filters (CUS-4), validated by the same schema as the list query. */
export const customerSegments = pgTable(
  'customer_segments',
  {
    id: id(),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    filter: jsonb('filter').notNull(),
    shared: boolean('shared').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('customer_segments_owner_idx').on(t.ownerId), index('customer_segments_shared_idx').on(t.shared)],
);

/** CUS-5: enough of contracts and invoices for the 360° view and the handover checklist. */
export const contracts = pgTable(
  'contracts',
  {
    id: id(),
    number: text('number').notNull().unique(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    title: text('title').notNull(),
    value: money('value').notNull().default('0'),
    currency: text('currency').notNull().default('VND'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    /** DRAFT | ACTIVE | EXPIRED | TERMINATED */
    status: text('status').notNull().default('DRAFT'),
    ownerId: uuid('owner_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('contracts_customer_idx').on(t.customerId, t.createdAt, t.id)],
);

export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    number: text('number').notNull().unique(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    contractId: uuid('contract_id').references(() => contracts.id),
    amount: money('amount').notNull(),
    paidAmount: money('paid_amount').notNull().default('0'),
    currency: text('currency').notNull().default('VND'),
    issuedOn: date('issued_on'),
    dueDate: date('due_date'),
    /** DRAFT | ISSUED | PARTIALLY_PAID | PAID | OVERDUE | CANCELLED */
    status: text('status').notNull().default('ISSUED'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('invoices_customer_idx').on(t.customerId, t.createdAt, t.id)],
);
