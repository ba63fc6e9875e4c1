import { z } from 'zod';
import { timeZone } from '../../platform/http/common-schemas.ts';

const minutes = z.number().int().min(1).max(525_600);

/** PUT /ticket-sla-policies/:priority: the whole policy (TKT-9); errors name the field. */
export const slaPolicyBody = z
  .strictObject({
    firstResponseMinutes: minutes,
    resolutionMinutes: minutes,
    warnBeforeMinutes: z.number().int().min(0).max(525_600),
    businessHours: z.boolean(),
    timeZone,
    active: z.boolean(),
  })
  .superRefine((p, ctx) => {
    if (p.resolutionMinutes < p.firstResponseMinutes) ctx.addIssue({ code: 'custom', path: ['resolutionMinutes'], message: 'Must be at least the first-response target.' });
    // A warning as early as the target itself would go out the moment a ticket is opened.
    if (p.warnBeforeMinutes >= p.firstResponseMinutes) ctx.addIssue({ code: 'custom', path: ['warnBeforeMinutes'], message: 'Must be less than the first-response target.' });
  });
export type SlaPolicyInput = z.infer<typeof slaPolicyBody>;

export const slaPriorityParam = z.object({ priority: z.coerce.number().int().min(1).max(5) });

export const slaPolicyResponse = z.object({
  priority: z.number().int(),
  firstResponseMinutes: z.number().int(),
  resolutionMinutes: z.number().int(),
  warnBeforeMinutes: z.number().int(),
  businessHours: z.boolean(),
  timeZone: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});
