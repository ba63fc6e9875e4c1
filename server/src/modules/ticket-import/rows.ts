import type { z } from 'zod';
import type { FieldError } from '../../platform/http/errors.ts';
import { createTicketBody, type TicketTypeRow } from '../tickets/index.ts';

/** The columns a bulk file may have (TKT-11); type fields come as `field:<key>`. */
export const COLUMNS = ['title', 'description', 'type', 'category', 'priority', 'customer', 'component', 'processor', 'tags', 'campaign', 'products'] as const;
export type Column = (typeof COLUMNS)[number];
const FIELD_PREFIX = 'field:';

export const CAMPAIGN_MAX = 200;
const PRODUCT_MAX = 100;
const PRODUCTS_MAX = 30;

/**
 * The header, lower-cased, checked: known columns only, each once, `title` present. Returns the
 * column of each position or a message for the 400 naming `file`.
 */
export function readHeader(header: string[]): { columns: string[] } | { error: string } {
  const columns = header.map((h) => h.trim().toLowerCase().replace(/^field:\s*/, FIELD_PREFIX));
  const unknown = columns.filter((c) => !(COLUMNS as readonly string[]).includes(c) && !/^field:[a-z][a-z0-9_]{0,39}$/.test(c));
  if (unknown.length) return { error: `Unknown column(s): ${unknown.map((c) => `"${c}"`).join(', ')}. Known: ${COLUMNS.join(', ')} and field:<key> for a type's fields.` };
  const twice = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (twice.length) return { error: `Column "${twice[0]}" appears twice.` };
  if (!columns.includes('title')) return { error: 'The header row has no "title" column (the first row must name the columns).' };
  return { columns };
}

export const splitList = (v: string) => [...new Set(v.split(/[,;]/).map((s) => s.trim()).filter(Boolean))];

/** A CSV cell as the value a type field of that kind expects (the API takes JSON values). */
function fieldValue(type: string | undefined, raw: string): unknown {
  switch (type) {
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    case 'checkbox':
      if (/^(true|yes|1|x)$/i.test(raw)) return true;
      if (/^(false|no|0)$/i.test(raw)) return false;
      return raw;
    case 'multi-select':
      return splitList(raw);
    default:
      return raw;
  }
}

/** API field names in errors become the file's column names, which is what the user can fix. */
export function columnOf(field: string): string {
  if (field === 'customerId') return 'customer';
  if (field === 'componentId') return 'component';
  if (field === 'processorId') return 'processor';
  if (field.startsWith('typeFields.')) return `${FIELD_PREFIX}${field.slice('typeFields.'.length)}`;
  return field.split('.')[0];
}

export interface RowRefs {
  customerId?: string;
  componentId?: string;
  processorId?: string;
}

/**
 * One row as a POST /tickets body (source `bulk`), parsed by that endpoint's own schema, plus the
 * campaign and product interest the API sets only in bulk. References arrive already resolved.
 */
export function rowInput(values: Record<string, string>, refs: RowRefs, types: Map<string, TicketTypeRow>) {
  const errors: FieldError[] = [];
  const v = (c: Column) => values[c]?.trim() || undefined;
  const type = v('type');
  const defs = new Map((types.get(type ?? '')?.fields ?? []).map((f) => [f.key, f.type]));
  const typeFields: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(values)) {
    if (column.startsWith(FIELD_PREFIX) && raw.trim()) typeFields[column.slice(FIELD_PREFIX.length)] = fieldValue(defs.get(column.slice(FIELD_PREFIX.length)), raw.trim());
  }
  const priority = v('priority');
  const candidate = {
    title: v('title') ?? '',
    description: v('description') ?? '',
    type: type ?? '',
    category: v('category')?.toUpperCase(),
    priority: priority === undefined ? undefined : /^\d+$/.test(priority) ? Number(priority) : priority,
    customerId: refs.customerId,
    componentId: refs.componentId,
    processorId: refs.processorId,
    source: 'bulk' as const,
    tags: v('tags') ? splitList(v('tags')!) : undefined,
    typeFields,
  };
  const parsed = createTicketBody.safeParse(candidate);
  if (!parsed.success) errors.push(...zodErrors(parsed.error));
  const campaignRef = v('campaign') ?? null;
  if (campaignRef && campaignRef.length > CAMPAIGN_MAX) errors.push({ field: 'campaign', message: `At most ${CAMPAIGN_MAX} characters.` });
  const productInterest = v('products') ? splitList(v('products')!) : [];
  if (productInterest.length > PRODUCTS_MAX || productInterest.some((p) => p.length > PRODUCT_MAX)) errors.push({ field: 'products', message: `At most ${PRODUCTS_MAX} products of ${PRODUCT_MAX} characters each.` });
  return { input: parsed.success ? parsed.data : null, extra: { campaignRef, productInterest }, errors };
}

function zodErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => {
    const field = i.path.map(String).join('.');
    const empty = i.code === 'too_small' && (i as { minimum?: unknown }).minimum === 1 && i.path.length === 1;
    return { field: columnOf(field), message: empty ? 'Required.' : i.message };
  });
}
