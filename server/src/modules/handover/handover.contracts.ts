import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { ITEM_KINDS } from './handover.checklist.ts';

export const STAGES = ['preparation', 'review', 'confirmation', 'completed'] as const;
export const REASONS = ['resignation', 'position_change'] as const;
export const STEPS = ['setReceiver', 'prepare', 'submit', 'review', 'accept'] as const;
const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const handoverParam = z.object({ id: z.uuid() });
export const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

export const listQuery = z.object({
  ...pageQuery,
  stage: z.enum(STAGES).optional(),
  /** Only handovers I hand over or receive. */
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type HandoverListQuery = z.infer<typeof listQuery>;

export const handoverSummary = z.object({
  id: z.string(),
  stage: z.enum(STAGES),
  reason: z.enum(REASONS),
  returnReason: z.string().nullable(),
  customer: z.object({ id: z.string(), number: z.string(), name: z.string() }),
  fromOwner: person,
  fromOwnerActive: z.boolean(),
  toOwner: person,
  reviewedBy: person,
  itemsTotal: z.number().int(),
  itemsDone: z.number().int(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const listResponse = z.object({
  items: z.array(handoverSummary),
  nextCursor: z.string().nullable(),
  counts: z.object({ preparation: z.number().int(), review: z.number().int(), confirmation: z.number().int(), completed: z.number().int() }),
});

export const handoverDetail = handoverSummary.extend({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(ITEM_KINDS),
      count: z.number().int(),
      details: z.string(),
      note: z.string().nullable(),
      completed: z.boolean(),
      completedBy: person,
      completedAt: z.string().nullable(),
    }),
  ),
  /** Who did which step when (from the history); `note` is the reason of a send-back. */
  timeline: z.array(z.object({ action: z.string(), at: z.string(), actor: person, note: z.string().nullable() })),
  /** The steps the caller may take now. */
  allowedSteps: z.array(z.enum(STEPS)),
});

export const receiverBody = z.strictObject({ receiverId: z.uuid() });
export const itemBody = z
  .strictObject({ completed: z.boolean().optional(), note: z.string().trim().max(2000).nullable().optional() })
  .refine((b) => b.completed !== undefined || b.note !== undefined, { message: 'Send completed and/or note.', path: ['completed'] });
export const sendBackBody = z.strictObject({ reason: z.string().trim().min(3).max(1000) });
