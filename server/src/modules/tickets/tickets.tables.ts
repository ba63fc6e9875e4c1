import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgSequence, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { files } from '../../platform/platform.tables.ts';
import { customers } from '../customers/customers.tables.ts';
import { createdAt, id, ts, updatedAt, version } from '../../platform/db/columns.ts';

/** Public ticket numbers TCK-NNNNNN come from this sequence, never from count+1. */
export const ticketNumberSeq = pgSequence('ticket_number_seq', { startWith: 1 });

/**
 * TKT-2: admin-managed ticket types. `fields` declares the extra fields a ticket of this type asks
 * for, in the custom-field shape ({ key, label, type, options, required, active }), so the same
 * validator checks them.
 */
export const ticketTypes = pgTable('ticket_types', {
  id: id(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  /** { en, vi, bg, zh } names for the UI. */
  labels: jsonb('labels').notNull().default(sql`'{}'::jsonb`),
  fields: jsonb('fields').notNull().default(sql`'[]'::jsonb`),
  active: boolean('active').notNull().default(true),
  position: integer('position').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});

/** Components: the queues (teams) that handle tickets, each with its responsible staff. */
export const ticketComponents = pgTable('ticket_components', {
  id: id(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  description: text('description'),
  active: boolean('active').notNull().default(true),
  /** TKT-10: how unassigned tickets are handed out: manual | round_robin | least_load. */
  distribution: text('distribution').notNull().default('manual'),
  /** Round robin's pointer: the staff member who got the last ticket. */
  lastAssignedUserId: uuid('last_assigned_user_id'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
}, (t) => [check('ticket_components_distribution_check', sql`${t.distribution} in ('manual', 'round_robin', 'least_load')`)]);

export const ticketComponentStaff = pgTable(
  'ticket_component_staff',
  {
    componentId: uuid('component_id').notNull().references(() => ticketComponents.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    /** agent: works the queue and receives distributed tickets; manager: e-mailed on escalations (TKT-7). */
    role: text('role').notNull().default('agent'),
    /** Only available agents receive distributed tickets (TKT-10). */
    available: boolean('available').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.componentId, t.userId] }), index('ticket_component_staff_user_idx').on(t.userId)],
);

/**
 * TKT-1. Every list filter has an index of its own, paired with (created_at, id) where it is a
 * common first filter so keyset pages stay index walks. SLA due dates, satisfaction and escalation
 * reasons come later by migration; the timestamps they build on are here already.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: id(),
    number: text('number').notNull().unique(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    typeId: uuid('type_id').notNull().references(() => ticketTypes.id),
    /** QUESTION | PROBLEM | REQUEST | INCIDENT */
    category: text('category').notNull(),
    /** 1 very low … 5 very high */
    priority: smallint('priority').notNull().default(3),
    componentId: uuid('component_id').references(() => ticketComponents.id),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    /** The client user the ticket is for (portal tickets). */
    requesterId: uuid('requester_id'),
    processorId: uuid('processor_id'),
    /** new | in_progress | waiting_on_customer | resolved | closed */
    status: text('status').notNull().default('new'),
    /** portal | email | chat | phone | web_form | api | bulk */
    source: text('source').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    typeFields: jsonb('type_fields').notNull().default(sql`'{}'::jsonb`),
    custom: jsonb('custom').notNull().default(sql`'{}'::jsonb`),
    /** Copied from the creator's profile when the ticket is made (TKT-1). */
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    contactLocation: text('contact_location'),
    contactTimeZone: text('contact_time_zone'),
    escalationLevel: smallint('escalation_level').notNull().default(0),
    escalationReason: text('escalation_reason'),
    escalatedAt: ts('escalated_at'),
    /** TKT-9: due dates from the SLA policy of the ticket's priority, and when each was breached. */
    firstResponseDueAt: ts('first_response_due_at'),
    resolutionDueAt: ts('resolution_due_at'),
    slaWarnedAt: ts('sla_warned_at'),
    firstResponseBreachedAt: ts('first_response_breached_at'),
    resolutionBreachedAt: ts('resolution_breached_at'),
    /** TKT-10 reminders: when the processor should follow up, and when they were nudged. */
    followUpAt: ts('follow_up_at'),
    followUpRemindedAt: ts('follow_up_reminded_at'),
    /** TKT-10 consolidation: the open ticket this duplicate was merged into (it is closed). */
    mergedIntoId: uuid('merged_into_id'),
    /** TKT-12: the client's rating after resolution. */
    satisfactionRating: smallint('satisfaction_rating'),
    satisfactionComment: text('satisfaction_comment'),
    ratedAt: ts('rated_at'),
    /** TKT-1 telesales: the campaign and products the customer showed interest in. */
    campaignRef: text('campaign_ref'),
    productInterest: text('product_interest').array().notNull().default(sql`'{}'::text[]`),
    /** PLT-9: the ticket's id in the system it was imported from; a re-import finds it by this. */
    externalRef: text('external_ref'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Last message or status change: what auto-close and "waiting since" read. */
    lastActivityAt: ts('last_activity_at').notNull().defaultNow(),
    firstResponseAt: ts('first_response_at'),
    resolvedAt: ts('resolved_at'),
    closedAt: ts('closed_at'),
    version: version(),
  },
  (t) => [
    // The workflow's values, enforced by the database too: a bug elsewhere cannot invent a status.
    check('tickets_status_check', sql`${t.status} in ('new', 'in_progress', 'waiting_on_customer', 'resolved', 'closed')`),
    check('tickets_priority_check', sql`${t.priority} between 1 and 5`),
    check('tickets_satisfaction_check', sql`${t.satisfactionRating} is null or ${t.satisfactionRating} between 1 and 5`),
    index('tickets_created_idx').on(t.createdAt, t.id),
    index('tickets_status_idx').on(t.status, t.createdAt, t.id),
    index('tickets_component_idx').on(t.componentId, t.createdAt, t.id),
    index('tickets_customer_idx').on(t.customerId, t.createdAt, t.id),
    index('tickets_processor_idx').on(t.processorId, t.createdAt, t.id),
    index('tickets_creator_idx').on(t.createdBy, t.createdAt, t.id),
    index('tickets_type_idx').on(t.typeId, t.createdAt, t.id),
    index('tickets_priority_idx').on(t.priority, t.createdAt, t.id),
    index('tickets_source_idx').on(t.source, t.createdAt, t.id),
    index('tickets_external_ref_idx').on(t.externalRef).where(sql`${t.externalRef} is not null`),
    index('tickets_tags_idx').using('gin', t.tags),
    index('tickets_custom_idx').using('gin', sql`${t.custom} jsonb_path_ops`),
    // Words in any of the four languages, partial words, accents folded (TKT-5).
    index('tickets_title_fold_trgm_idx').using('gin', sql`search_fold(${t.title}) gin_trgm_ops`),
    index('tickets_description_fold_trgm_idx').using('gin', sql`search_fold(${t.description}) gin_trgm_ops`),
    index('tickets_number_trgm_idx').using('gin', sql`${t.number} gin_trgm_ops`),
    // "Unassigned in my components" and "my open": small partial indexes.
    index('tickets_unassigned_idx').on(t.componentId, t.createdAt, t.id).where(sql`${t.processorId} is null and ${t.status} <> 'closed'`),
    index('tickets_open_processor_idx').on(t.processorId, t.createdAt, t.id).where(sql`${t.status} not in ('resolved', 'closed')`),
    // Sweeps read only the few rows that can still change: each has a partial index of its own.
    index('tickets_autoclose_idx').on(t.lastActivityAt).where(sql`${t.status} = 'waiting_on_customer'`),
    index('tickets_sla_first_response_idx').on(t.firstResponseDueAt).where(sql`${t.firstResponseAt} is null and ${t.firstResponseBreachedAt} is null and ${t.status} not in ('resolved', 'closed')`),
    index('tickets_sla_resolution_idx').on(t.resolutionDueAt).where(sql`${t.resolutionBreachedAt} is null and ${t.status} not in ('resolved', 'closed')`),
    index('tickets_sla_breached_idx').on(t.createdAt, t.id).where(sql`(${t.firstResponseBreachedAt} is not null or ${t.resolutionBreachedAt} is not null) and ${t.status} not in ('resolved', 'closed')`),
    index('tickets_follow_up_idx').on(t.followUpAt).where(sql`${t.followUpAt} is not null and ${t.followUpRemindedAt} is null`),
    index('tickets_open_customer_source_idx').on(t.customerId, t.source, t.createdAt).where(sql`${t.status} not in ('resolved', 'closed') and ${t.mergedIntoId} is null`),
  ],
);

/**
 * TKT-9: one policy per priority. Targets are minutes of the clock, or of business hours
 * (Mon–Fri 09:00–17:00 in the policy's time zone) when `businessHours` is set.
 */
export const ticketSlaPolicies = pgTable(
  'ticket_sla_policies',
  {
    priority: smallint('priority').primaryKey(),
    firstResponseMinutes: integer('first_response_minutes').notNull(),
    resolutionMinutes: integer('resolution_minutes').notNull(),
    /** The warning goes out this many minutes before a target. */
    warnBeforeMinutes: integer('warn_before_minutes').notNull().default(60),
    businessHours: boolean('business_hours').notNull().default(false),
    timeZone: text('time_zone').notNull().default('UTC'),
    active: boolean('active').notNull().default(true),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('ticket_sla_policies_priority_check', sql`${t.priority} between 1 and 5`),
    check('ticket_sla_policies_targets_check', sql`${t.firstResponseMinutes} > 0 and ${t.resolutionMinutes} >= ${t.firstResponseMinutes}`),
  ],
);

/** TKT-1 related tickets, both directions readable; consolidation links a duplicate here too. */
export const ticketRelations = pgTable(
  'ticket_relations',
  {
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    relatedId: uuid('related_id').notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    /** related | duplicate_of */
    kind: text('kind').notNull().default('related'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.relatedId] }), index('ticket_relations_related_idx').on(t.relatedId)],
);

/** TKT-4: the conversation. An upload is a message with a file; internal notes are staff-only. */
export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: id(),
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id'),
    /** Stored as typed (Markdown subset); escaped when rendered. */
    body: text('body').notNull().default(''),
    internal: boolean('internal').notNull().default(false),
    fileId: uuid('file_id').references(() => files.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('ticket_messages_ticket_idx').on(t.ticketId, t.createdAt, t.id),
    index('ticket_messages_file_idx').on(t.fileId).where(sql`${t.fileId} is not null`),
    index('ticket_messages_body_fold_trgm_idx').using('gin', sql`search_fold(${t.body}) gin_trgm_ops`),
  ],
);

/** Saved list filters per user (TKT-5), validated by the same schema as the list query. */
export const ticketViews = pgTable(
  'ticket_views',
  {
    id: id(),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    filter: jsonb('filter').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('ticket_views_owner_idx').on(t.ownerId, t.createdAt)],
);
