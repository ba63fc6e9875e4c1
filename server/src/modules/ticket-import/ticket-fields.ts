import type { z } from 'zod';
import type { CustomFieldDefinition } from '../../platform/custom-fields/custom-fields.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { booleanCell, customValue, numberCell, splitList } from '../../platform/imports/cells.ts';
import { CUSTOM_PREFIX, type ImportFields } from '../../platform/imports/mapping.ts';
import { createTicketBody, type CreateTicketInput, type TicketTypeRow, updateTicketBody, type UpdateTicketInput } from '../tickets/index.ts';

/**
 * PLT-9 ticket rows: which ticket field a column fills (the shared mapping of platform/imports), and
 * a row's cells turned into exactly what POST /tickets (a new ticket) or PATCH /tickets/:id (a
 * duplicate to update) takes, parsed by those endpoints' own schemas. Pure: no database here.
 */
export const TYPE_FIELD_PREFIX = 'field:';

/** Header words (folded) → ticket field, in the four languages; the export's own headers first. */
const SYNONYMS: Record<string, string[]> = {
  title: ['title', 'subject', 'summary', 'tieude', 'chude', 'zaglavie', 'tema', 'biaoti', 'zhuti'],
  description: ['description', 'details', 'body', 'text', 'mota', 'noidung', 'opisanie', 'miaoshu', 'neirong'],
  type: ['type', 'tickettype', 'loai', 'loaiphieu', 'tip', 'leixing'],
  category: ['category', 'danhmuc', 'kategoriya', 'leibie'],
  priority: ['priority', 'uutien', 'mucuutien', 'prioritet', 'youxianji'],
  source: ['source', 'channel', 'nguon', 'kenh', 'iztochnik', 'kanal', 'laiyuan', 'qudao'],
  customer: ['customer', 'customernumber', 'customeremail', 'customerphone', 'client', 'khachhang', 'makhachhang', 'klient', 'kehu', 'kehubianhao'],
  component: ['component', 'queue', 'thanhphan', 'komponent', 'zujian'],
  processor: ['processor', 'processoremail', 'assignee', 'assigneeemail', 'nguoixuly', 'izpalnitel', 'chuliren'],
  tags: ['tags', 'tag', 'labels', 'nhan', 'etiketi', 'biaoqian'],
  createdAt: ['createdat', 'created', 'createddate', 'opened', 'ngaytao', 'sazdaden', 'sazdadenna', 'chuangjianshijian'],
  externalRef: ['externalref', 'externalreference', 'externalid', 'reference', 'ref', 'mathamchieu', 'referentsiya', 'vanshennomer', 'waibubianhao'],
  number: ['number', 'ticketnumber', 'ticketno', 'sophieu', 'nomer', 'bianhao', 'gongdanhao'],
  campaign: ['campaign', 'campaignref', 'chiendich', 'kampaniya', 'huodong'],
  products: ['products', 'productinterest', 'sanpham', 'produkti', 'chanpin'],
};

/** The ticket import's fields for the shared mapping: the fixed ones, then each active type's fields as `field:<key>`. */
export function ticketFields(types: TicketTypeRow[]): ImportFields {
  const typeKeys = [...new Set(types.filter((t) => t.active).flatMap((t) => t.fields.map((f) => `${TYPE_FIELD_PREFIX}${f.key}`)))];
  return {
    synonyms: { ...SYNONYMS, ...Object.fromEntries(typeKeys.map((k) => [k, []])) },
    required: [{ anyOf: ['title', 'number', 'externalRef'], message: 'a title (or the ticket number or external reference of the tickets to update)' }],
  };
}

export const CAMPAIGN_MAX = 200;
const PRODUCT_MAX = 100;
const PRODUCTS_MAX = 30;
export const EXTERNAL_REF_MAX = 100;
/** Fields a duplicate row may change on its ticket (PATCH's own fields); type, source and creation stay as they are. */
const UPDATABLE = new Set(['title', 'description', 'category', 'priority', 'customerId', 'componentId', 'processorId', 'tags', 'typeFields', 'custom', 'campaignRef', 'productInterest']);

/** API field names in errors become the mapping's targets, which is what the user picked and can fix. */
export function targetOf(field: string): string {
  if (field === 'customerId') return 'customer';
  if (field === 'componentId') return 'component';
  if (field === 'processorId') return 'processor';
  if (field === 'campaignRef') return 'campaign';
  if (field === 'productInterest') return 'products';
  if (field.startsWith('typeFields.')) return `${TYPE_FIELD_PREFIX}${field.slice('typeFields.'.length)}`;
  if (field.startsWith(CUSTOM_PREFIX)) return field;
  return field.split('.')[0] || 'row';
}

/** A CSV cell as the value a type field of that kind expects (the API takes JSON values). */
function typeFieldValue(type: string | undefined, raw: string): unknown {
  if (type === 'number') return numberCell(raw);
  if (type === 'checkbox') return booleanCell(raw);
  if (type === 'multi-select') return splitList(raw);
  return raw;
}

/** "2024-03-01" or "2024-03-01 14:30" (local to UTC as written, or with its offset); never in the future. */
function createdAtCell(raw: string, errors: FieldError[]): Date | null {
  const ok = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw);
  const date = ok ? new Date(/[ T]/.test(raw) ? raw.replace(' ', 'T').replace(/(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$/, '$1Z') : `${raw}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime())) errors.push({ field: 'createdAt', message: 'Not a date: write YYYY-MM-DD or YYYY-MM-DD HH:MM.' });
  else if (date.getTime() > Date.now()) errors.push({ field: 'createdAt', message: 'Lies in the future.' });
  else return date;
  return null;
}

export interface RowRefs {
  customerId?: string;
  componentId?: string;
  processorId?: string;
}

export interface RowValues {
  /** POST /tickets' body for a new ticket, when it parses. */
  input: CreateTicketInput | null;
  /** PATCH's body of the cells present, for a duplicate to update, when it parses. */
  update: UpdateTicketInput | null;
  updateErrors: FieldError[];
  extra: { campaignRef: string | null; productInterest: string[]; externalRef: string | null; createdAt: string | null };
  errors: FieldError[];
}

/**
 * One row's cells (by target) as a POST /tickets body (source `bulk` unless the file names one) and
 * as a PATCH body of its present cells. References arrive already resolved; type fields are read by
 * the row's type, custom fields by their definitions.
 */
export function rowValues(cells: Map<string, string>, refs: RowRefs, types: Map<string, TicketTypeRow>, defs: CustomFieldDefinition[]): RowValues {
  const errors: FieldError[] = [];
  const v = (target: string) => cells.get(target);
  const type = v('type');
  const typeDefs = new Map((types.get(type ?? '')?.fields ?? []).map((f) => [f.key, f.type]));
  const typeFields: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const [target, raw] of cells) {
    if (target.startsWith(TYPE_FIELD_PREFIX)) typeFields[target.slice(TYPE_FIELD_PREFIX.length)] = typeFieldValue(typeDefs.get(target.slice(TYPE_FIELD_PREFIX.length)), raw);
    if (target.startsWith(CUSTOM_PREFIX)) {
      const key = target.slice(CUSTOM_PREFIX.length);
      custom[key] = customValue(defs.find((d) => d.key === key), raw);
    }
  }
  const priority = v('priority');
  const fields = {
    title: v('title'),
    description: v('description'),
    category: v('category')?.toUpperCase(),
    priority: priority === undefined ? undefined : /^\d+$/.test(priority) ? Number(priority) : priority,
    customerId: refs.customerId,
    componentId: refs.componentId,
    processorId: refs.processorId,
    tags: v('tags') ? splitList(v('tags')!) : undefined,
    typeFields: Object.keys(typeFields).length ? typeFields : undefined,
    custom: Object.keys(custom).length ? custom : undefined,
  };
  const parsed = createTicketBody.safeParse({ ...fields, title: fields.title ?? '', description: fields.description ?? '', type: type ?? '', typeFields, source: v('source')?.toLowerCase() ?? 'bulk' });
  if (!parsed.success) errors.push(...zodErrors(parsed.error));
  const campaignRef = v('campaign') ?? null;
  if (campaignRef && campaignRef.length > CAMPAIGN_MAX) errors.push({ field: 'campaign', message: `At most ${CAMPAIGN_MAX} characters.` });
  const productInterest = v('products') ? splitList(v('products')!) : [];
  if (productInterest.length > PRODUCTS_MAX || productInterest.some((p) => p.length > PRODUCT_MAX)) errors.push({ field: 'products', message: `At most ${PRODUCTS_MAX} products of ${PRODUCT_MAX} characters each.` });
  const externalRef = v('externalRef') ?? null;
  if (externalRef && externalRef.length > EXTERNAL_REF_MAX) errors.push({ field: 'externalRef', message: `At most ${EXTERNAL_REF_MAX} characters.` });
  const createdAt = v('createdAt') ? createdAtCell(v('createdAt')!, errors) : null;

  const present = Object.fromEntries(Object.entries({ ...fields, campaignRef: campaignRef ?? undefined, productInterest: v('products') ? productInterest : undefined }).filter(([k, x]) => x !== undefined && UPDATABLE.has(k)));
  const update = updateTicketBody.safeParse(present);
  return {
    input: parsed.success ? parsed.data : null,
    update: update.success ? update.data : null,
    updateErrors: update.success ? [] : zodErrors(update.error),
    extra: { campaignRef, productInterest, externalRef, createdAt: createdAt?.toISOString() ?? null },
    errors,
  };
}

function zodErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => {
    const field = i.path.map(String).join('.');
    const empty = i.code === 'too_small' && (i as { minimum?: unknown }).minimum === 1 && i.path.length === 1;
    return { field: targetOf(field), message: empty ? 'Required.' : i.message };
  });
}
