import { z } from 'zod';
import { customerIdOrNumber } from '../../platform/http/common-schemas.ts';
import { pageQuery } from '../../platform/http/pagination.ts';
import { poolSettingsSchema } from './pool.settings.ts';

const person = z.object({ id: z.string(), name: z.string() }).nullable();
export const POOL_REASONS = ['inactive_days', 'manual'] as const;

export const customerParam = z.object({
  idOrNumber: customerIdOrNumber(),
});

export const poolListQuery = z.object({
  ...pageQuery,
  q: z.string().trim().min(1).max(100).optional(),
  reason: z.enum(POOL_REASONS).optional(),
  originalOwnerId: z.uuid().optional(),
  level: z.enum(['important', 'normal', 'potential']).optional(),
});
export type PoolListQuery = z.infer<typeof poolListQuery>;

export const poolItem = z.object({
  entryId: z.string(),
  reason: z.enum(POOL_REASONS),
  note: z.string().nullable(),
  enteredAt: z.string(),
  originalOwner: person,
  customer: z.object({
    id: z.string(),
    number: z.string(),
    name: z.string(),
    type: z.string(),
    level: z.string(),
    status: z.string(),
    country: z.string().nullable(),
    lastContactAt: z.string().nullable(),
  }),
});

export const poolHistoryResponse = z.object({
  customer: z.object({ id: z.string(), number: z.string(), name: z.string() }),
  items: z.array(
    z.object({
      id: z.string(),
      reason: z.enum(POOL_REASONS),
      note: z.string().nullable(),
      status: z.enum(['available', 'claimed', 'assigned']),
      enteredAt: z.string(),
      leftAt: z.string().nullable(),
      originalOwner: person,
      recycledBy: person,
      takenBy: person,
      decidedBy: person,
    }),
  ),
});

export const recycleBody = z.strictObject({ reason: z.string().trim().min(3).max(500) });
export const assignBody = z.strictObject({ ownerId: z.uuid() });
export const moveResponse = z.object({ customerId: z.string(), ownerId: z.string().nullable() });

export const poolSettingsResponse = poolSettingsSchema;
export const poolSettingsPatch = z.strictObject({
  inactiveDays: poolSettingsSchema.shape.inactiveDays.optional(),
  holdingLimit: poolSettingsSchema.shape.holdingLimit.optional(),
  cooldownDays: poolSettingsSchema.shape.cooldownDays.optional(),
});
export const recycleRunResponse = z.object({ recycled: z.number().int(), inactiveDays: z.number().int() });
