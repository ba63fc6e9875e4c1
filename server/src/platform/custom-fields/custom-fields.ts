import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FieldError } from '../http/errors.ts';
import { LANGUAGES } from '../http/common-schemas.ts';

/**
 * Custom fields (PLT-11): admin-defined typed fields stored in a record's jsonb `custom` column.
 * One mechanism for every entity that has such a column; the entity's module validates writes and
 * filters with the functions below, so the rules live here once.
 */
export const CUSTOM_FIELD_ENTITIES = ['customer', 'ticket', 'opportunity'] as const;
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'multi-select', 'checkbox'] as const;
/**
 * What a client (portal) sees of a ticket field (decision 0007): nothing, its value, or an input.
 * Clients see tickets only, so other entities' fields are always hidden.
 */
export const CLIENT_ACCESS = ['hidden', 'visible', 'editable'] as const;
export type ClientAccess = (typeof CLIENT_ACCESS)[number];
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];
export type CustomValues = Record<string, unknown>;

export interface CustomFieldDefinition {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
  active: boolean;
  clientAccess: ClientAccess;
}

const TEXT_MAX = 2000;
const labels = z.partialRecord(z.enum(LANGUAGES), z.string().trim().min(1).max(120));
const option = z.string().trim().min(1).max(100);

const definitionFields = {
  /** A single label, or one per language ({ en, vi, bg, zh }). */
  label: z.union([z.string().trim().min(1).max(120), labels.refine((l) => Object.keys(l).length > 0, 'Give at least one label.')]),
  options: z.array(option).max(200).refine((o) => new Set(o).size === o.length, 'Options must be unique.').optional(),
  required: z.boolean().optional(),
  active: z.boolean().optional(),
  /** Ticket fields only: hidden (default), visible or editable for the ticket's client. */
  clientAccess: z.enum(CLIENT_ACCESS).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
};

export const createDefinitionBody = z
  .strictObject({
    entity: z.enum(CUSTOM_FIELD_ENTITIES),
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Lower-case letters, digits and _ only, starting with a letter.'),
    type: z.enum(CUSTOM_FIELD_TYPES),
    ...definitionFields,
  })
  .superRefine((d, ctx) => {
    checkOptions(d.type, d.options, ctx);
    const message = clientAccessError(d.entity, d.clientAccess);
    if (message) ctx.addIssue({ code: 'custom', path: ['clientAccess'], message });
  });

/** Key and type never change: values already stored must keep matching their definition. */
export const updateDefinitionBody = z.strictObject({ ...definitionFields, label: definitionFields.label.optional() });

export const definitionResponse = z.object({
  id: z.uuid(),
  entity: z.enum(CUSTOM_FIELD_ENTITIES),
  key: z.string(),
  label: z.string(),
  labels: z.record(z.string(), z.string()),
  type: z.enum(CUSTOM_FIELD_TYPES),
  options: z.array(z.string()),
  required: z.boolean(),
  active: z.boolean(),
  clientAccess: z.enum(CLIENT_ACCESS),
  position: z.number().int(),
  version: z.number().int(),
});

export type CreateDefinitionInput = z.infer<typeof createDefinitionBody>;
export type UpdateDefinitionInput = z.infer<typeof updateDefinitionBody>;

export function checkOptions(type: CustomFieldType, options: string[] | undefined, ctx: z.RefinementCtx) {
  const choice = type === 'select' || type === 'multi-select';
  if (choice && !options?.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'A select field needs options.' });
  if (!choice && options?.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'Only select fields have options.' });
}

/** Clients read tickets only: a field of another entity cannot be shown to them. */
export function clientAccessError(entity: CustomFieldEntity, access: ClientAccess | undefined): string | null {
  return access && access !== 'hidden' && entity !== 'ticket' ? 'Only ticket fields can be shown to clients.' : null;
}

/** The keys of the fields a client sees the values of (visible or editable). */
export function clientVisibleKeys(defs: CustomFieldDefinition[]): Set<string> {
  return new Set(defs.filter((d) => d.clientAccess !== 'hidden').map((d) => d.key));
}

/** label text + per-language labels from what the admin sent. */
export function splitLabel(label: string | Partial<Record<string, string>>): { label: string; labels: Record<string, string> } {
  if (typeof label === 'string') return { label, labels: {} };
  const clean = Object.fromEntries(Object.entries(label).filter(([, v]) => v)) as Record<string, string>;
  return { label: clean.en ?? Object.values(clean)[0], labels: clean };
}

/** Checks one value against its definition: the cleaned value, or an error message. */
function checkValue(def: CustomFieldDefinition, value: unknown): { value: unknown } | { error: string } {
  switch (def.type) {
    case 'text':
      if (typeof value !== 'string') return { error: 'Must be text.' };
      if (value.length > TEXT_MAX) return { error: `At most ${TEXT_MAX} characters.` };
      return { value: value.trim() };
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { error: 'Must be a number.' };
      return { value };
    case 'date': {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { error: 'Must be a date (YYYY-MM-DD).' };
      const d = new Date(`${value}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return { error: 'Not a real date.' };
      return { value };
    }
    case 'select':
      if (typeof value !== 'string') return { error: 'Must be one of the options.' };
      if (!def.options.includes(value)) return { error: `Must be one of: ${def.options.join(', ')}.` };
      return { value };
    case 'multi-select': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return { error: 'Must be a list of options.' };
      const bad = value.filter((v) => !def.options.includes(v));
      if (bad.length) return { error: `Not an option: ${bad.join(', ')}.` };
      return { value: [...new Set(value as string[])] };
    }
    case 'checkbox':
      if (typeof value !== 'boolean') return { error: 'Must be true or false.' };
      return { value };
  }
}

/**
 * Validates custom values being written and merges them into the record's current values. null
 * removes a value. On create every active required field must be present; on update a required
 * field cannot be cleared (records older than the rule are not blocked from other edits).
 * Errors name the field `custom.<key>`.
 */
export function applyCustomValues(
  defs: CustomFieldDefinition[],
  input: CustomValues | undefined,
  current: CustomValues,
  mode: 'create' | 'update',
): { values: CustomValues; errors: FieldError[] } {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const values: CustomValues = { ...current };
  const errors: FieldError[] = [];
  for (const [key, raw] of Object.entries(input ?? {})) {
    const field = `custom.${key}`;
    const def = byKey.get(key);
    if (!def) {
      errors.push({ field, message: 'No such custom field.' });
      continue;
    }
    if (!def.active) {
      errors.push({ field, message: 'This field is no longer in use.' });
      continue;
    }
    if (raw === null || raw === undefined || (def.type === 'text' && typeof raw === 'string' && !raw.trim())) {
      if (def.required) errors.push({ field, message: 'Required.' });
      else delete values[key];
      continue;
    }
    const checked = checkValue(def, raw);
    if ('error' in checked) errors.push({ field, message: checked.error });
    else values[key] = checked.value;
  }
  if (mode === 'create') {
    for (const def of defs) {
      if (def.active && def.required && values[def.key] === undefined && !errors.some((e) => e.field === `custom.${def.key}`)) {
        errors.push({ field: `custom.${def.key}`, message: 'Required.' });
      }
    }
  }
  return { values, errors };
}

/**
 * A list filter on custom fields: `{ key: value }` means equal (a multi-select: has all the given
 * options). Served by a GIN (jsonb_path_ops) index through containment. Errors name `custom.<key>`.
 */
export function customFilter(defs: CustomFieldDefinition[], column: AnyColumn, filter: CustomValues | undefined): { where?: SQL; errors: FieldError[] } {
  if (!filter || !Object.keys(filter).length) return { errors: [] };
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const wanted: CustomValues = {};
  const errors: FieldError[] = [];
  for (const [key, raw] of Object.entries(filter)) {
    const def = byKey.get(key);
    if (!def) {
      errors.push({ field: `custom.${key}`, message: 'No such custom field.' });
      continue;
    }
    const value = def.type === 'multi-select' && typeof raw === 'string' ? [raw] : raw;
    const checked = checkValue(def, value);
    if ('error' in checked) errors.push({ field: `custom.${key}`, message: checked.error });
    else wanted[key] = checked.value;
  }
  if (errors.length) return { errors };
  return { where: sql`${column} @> ${JSON.stringify(wanted)}::jsonb`, errors };
}
