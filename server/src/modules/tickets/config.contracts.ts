import { z } from 'zod';
import { CUSTOM_FIELD_TYPES } from '../../platform/custom-fields/custom-fields.ts';
import { LANGUAGES } from '../../platform/http/common-schemas.ts';

const key = z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, 'Lower-case letters, digits and _, starting with a letter.');
const labels = z.partialRecord(z.enum(LANGUAGES), z.string().trim().min(1).max(120));

/** One extra field a ticket type asks for (TKT-2), in the custom-field shape. */
export const typeFieldSchema = z
  .strictObject({
    key,
    label: z.string().trim().min(1).max(120),
    /** The label per UI language; `label` is the fallback. */
    labels: labels.optional(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
    required: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .superRefine((f, ctx) => {
    const choice = f.type === 'select' || f.type === 'multi-select';
    if (choice && f.options.length === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'A select field needs options.' });
    if (!choice && f.options.length > 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'Only select fields have options.' });
  });
export type TypeField = z.infer<typeof typeFieldSchema>;

const fields = z
  .array(typeFieldSchema)
  .max(30)
  .refine((f) => new Set(f.map((x) => x.key)).size === f.length, 'Field keys must be unique.');

export const createTypeBody = z.strictObject({ key, name: z.string().trim().min(1).max(100), labels: labels.default({}), fields: fields.default([]), position: z.number().int().min(0).max(1000).default(0) });
export const updateTypeBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  labels: labels.optional(),
  fields: fields.optional(),
  active: z.boolean().optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
/** Seeded types the portal's own forms create (contract item 8). */
export const PORTAL_FORMS = ['problem_report', 'feedback'] as const;
export type PortalForm = (typeof PORTAL_FORMS)[number];
export const portalFormOf = (key: string): PortalForm | null => ((PORTAL_FORMS as readonly string[]).includes(key) ? (key as PortalForm) : null);

export const typeResponse = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  labels: z.record(z.string(), z.string()),
  fields: z.array(z.object({ key: z.string(), label: z.string(), labels: z.record(z.string(), z.string()).optional(), type: z.enum(CUSTOM_FIELD_TYPES), options: z.array(z.string()), required: z.boolean(), active: z.boolean() })),
  active: z.boolean(),
  position: z.number().int(),
  version: z.number().int(),
  /** TKT-13: the portal form this type backs (derived from the key); the portal's type picker hides these. */
  portalForm: z.enum(PORTAL_FORMS).nullable(),
});

/** TKT-10: how a component hands out unassigned tickets. */
export const DISTRIBUTIONS = ['manual', 'round_robin', 'least_load'] as const;
export const STAFF_ROLES = ['agent', 'manager'] as const;
/** agent: works the queue and receives distributed tickets; manager: hears about escalations and unassigned SLA alerts. */
const staffMember = z.strictObject({ userId: z.uuid(), role: z.enum(STAFF_ROLES), available: z.boolean().optional() });
const staffList = z.array(staffMember).max(200);
export const createComponentBody = z.strictObject({
    key,
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(1000).nullable().optional(),
    distribution: z.enum(DISTRIBUTIONS).default('manual'),
    staff: staffList.optional(),
});
export const updateComponentBody = z.strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    description: z.string().trim().max(1000).nullable().optional(),
    active: z.boolean().optional(),
    distribution: z.enum(DISTRIBUTIONS).optional(),
    staff: staffList.optional(),
});
export const availabilityBody = z.strictObject({ available: z.boolean() });
export const componentResponse = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  distribution: z.enum(DISTRIBUTIONS),
  /** Responsible staff; clients see none. */
  staff: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(STAFF_ROLES), available: z.boolean() })),
  version: z.number().int(),
});
export const configIdParam = z.object({ id: z.uuid() });
