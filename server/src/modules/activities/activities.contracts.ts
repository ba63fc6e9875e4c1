import { z } from 'zod';
import { customerIdOrNumber, isoDateTime } from '../../platform/http/common-schemas.ts';
import { pageQuery } from '../../platform/http/pagination.ts';

export const ACTIVITY_TYPES = ['CALL', 'EMAIL', 'MEETING', 'TASK', 'NOTE', 'SMS', 'DEMO'] as const;
export const ACTIVITY_STATUSES = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export const ACTIVITY_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export const OPEN_STATUSES = ['PLANNED', 'IN_PROGRESS'] as const;

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();
const customerRef = customerIdOrNumber('A customer id or number.');
const participants = z.array(z.uuid()).max(50).transform((ids) => [...new Set(ids)]);

export const createActivityBody = z.strictObject({
  type: z.enum(ACTIVITY_TYPES),
  subject: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).nullable().optional(),
  /** A customer id or number; without one, an activity of a ticket takes the ticket's customer. */
  customerId: customerRef.nullable().optional(),
  /** Always 404 until the sales module brings opportunities. */
  opportunityId: z.uuid().nullable().optional(),
  /** A ticket the caller sees (else 404), of the activity's customer (else 422). */
  ticketId: z.uuid().nullable().optional(),
  startAt: isoDateTime,
  endAt: isoDateTime.nullable().optional(),
  durationMinutes: z.number().int().min(0).max(60 * 24 * 31).nullable().optional(),
  allDay: z.boolean().default(false),
  /** A call logged after the fact is created COMPLETED; it then counts as a contact like /complete. */
  status: z.enum(ACTIVITY_STATUSES).default('PLANNED'),
  priority: z.enum(ACTIVITY_PRIORITIES).default('NORMAL'),
  /** Managers and admins may plan for someone else; everyone else owns what they create. */
  ownerId: z.uuid().optional(),
  participantIds: participants.default([]),
  outcome: optionalText(500),
  nextSteps: z.string().max(5000).nullable().optional(),
  followUpAt: isoDateTime.nullable().optional(),
});

export const updateActivityBody = z.strictObject({
  type: z.enum(ACTIVITY_TYPES).optional(),
  subject: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(10_000).nullable().optional(),
  customerId: customerRef.nullable().optional(),
  opportunityId: z.uuid().nullable().optional(),
  ticketId: z.uuid().nullable().optional(),
  startAt: isoDateTime.optional(),
  endAt: isoDateTime.nullable().optional(),
  durationMinutes: z.number().int().min(0).max(60 * 24 * 31).nullable().optional(),
  allDay: z.boolean().optional(),
  /** COMPLETED only through /complete, which records the contact. */
  status: z.enum(['PLANNED', 'IN_PROGRESS', 'CANCELLED']).optional(),
  priority: z.enum(ACTIVITY_PRIORITIES).optional(),
  participantIds: participants.optional(),
  outcome: optionalText(500),
  nextSteps: z.string().max(5000).nullable().optional(),
  followUpAt: isoDateTime.nullable().optional(),
});

export const completeActivityBody = z.strictObject({
  outcome: optionalText(500),
  nextSteps: z.string().max(5000).nullable().optional(),
  /** Becomes the customer's next contact date. */
  followUpAt: isoDateTime.nullable().optional(),
});

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).min(1).max(10));

export const listActivitiesQuery = z.strictObject({
  /** Only activities I own or take part in. */
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ownerId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  /** The activities linked to this ticket (the ticket page). */
  ticketId: z.uuid().optional(),
  /** Calendar window on start time: from ≤ startAt < to. */
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  status: list(z.enum(ACTIVITY_STATUSES)).optional(),
  type: list(z.enum(ACTIVITY_TYPES)).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...pageQuery,
});
export const customerActivitiesQuery = z.strictObject({ ...pageQuery });

const ref = z.object({ id: z.uuid(), name: z.string() });

export const activityResponse = z.object({
  id: z.uuid(),
  type: z.enum(ACTIVITY_TYPES),
  subject: z.string(),
  description: z.string().nullable(),
  customer: z.object({ id: z.uuid(), number: z.string(), name: z.string() }).nullable(),
  opportunityId: z.uuid().nullable(),
  ticketId: z.uuid().nullable(),
  startAt: z.string(),
  endAt: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  allDay: z.boolean(),
  status: z.enum(ACTIVITY_STATUSES),
  priority: z.enum(ACTIVITY_PRIORITIES),
  owner: ref.nullable(),
  participants: z.array(ref),
  outcome: z.string().nullable(),
  nextSteps: z.string().nullable(),
  followUpAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** In "my day": started before today and still open. */
  overdue: z.boolean().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export const myDayResponse = z.object({ date: z.string(), timeZone: z.string(), items: z.array(activityResponse) });

export type CreateActivityInput = z.infer<typeof createActivityBody>;
export type UpdateActivityInput = z.infer<typeof updateActivityBody>;
export type CompleteActivityInput = z.infer<typeof completeActivityBody>;
export type ListActivitiesQuery = z.infer<typeof listActivitiesQuery>;
