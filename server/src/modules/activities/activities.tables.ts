import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt, version } from '../../platform/db/columns.ts';
import { customers } from '../customers/customers.tables.ts';

/**
 * SAL-6 activities: calls, e-mails, meetings, tasks, notes, SMS and demos. Opportunity and ticket
 * links are plain uuids without foreign keys; the use cases check that they name a visible record.
 */
export const activities = pgTable(
  'activities',
  {
    id: id(),
    type: text('type').notNull(),
    subject: text('subject').notNull(),
    description: text('description'),
    customerId: uuid('customer_id').references(() => customers.id),
    opportunityId: uuid('opportunity_id'),
    ticketId: uuid('ticket_id'),
    startAt: ts('start_at').notNull(),
    endAt: ts('end_at'),
    durationMinutes: integer('duration_minutes'),
    allDay: boolean('all_day').notNull().default(false),
    /** PLANNED | IN_PROGRESS | COMPLETED | CANCELLED */
    status: text('status').notNull().default('PLANNED'),
    /** LOW | NORMAL | HIGH | URGENT */
    priority: text('priority').notNull().default('NORMAL'),
    ownerId: uuid('owner_id').notNull(),
    outcome: text('outcome'),
    nextSteps: text('next_steps'),
    followUpAt: ts('follow_up_at'),
    completedAt: ts('completed_at'),
    /** Set when the reminder went out: the reminder job never notifies twice. */
    remindedAt: ts('reminded_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('activities_customer_idx').on(t.customerId, t.startAt, t.id),
    index('activities_owner_idx').on(t.ownerId, t.startAt, t.id),
    index('activities_start_idx').on(t.startAt, t.id),
    index('activities_opportunity_idx').on(t.opportunityId),
    index('activities_ticket_idx').on(t.ticketId),
    index('activities_reminder_idx').on(t.startAt).where(sql`${t.remindedAt} is null and ${t.status} in ('PLANNED', 'IN_PROGRESS')`),
  ],
);

export const activityParticipants = pgTable(
  'activity_participants',
  {
    activityId: uuid('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.userId] }), index('activity_participants_user_idx').on(t.userId)],
);
