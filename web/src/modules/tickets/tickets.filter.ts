/**
 * The ticket list filter in its three spellings: the URL (so a filtered list can be bookmarked and
 * shared), the API query string, and the body of a saved view. Dates are plain days (YYYY-MM-DD) in
 * the UI and the URL; the API wants instants, so a day becomes its start or end in the user's zone.
 * Custom field values (PLT-11) are an object in the UI and a saved view, its JSON text in the URL and
 * the query string (`custom={"tier":"gold"}`), as the server reads them.
 */
import { BUILTIN_VIEWS, TICKET_SOURCES, TICKET_STATUSES, type TicketFilter, type TicketSource, type TicketStatus } from './tickets.types.ts';

const LISTS = ['status', 'componentId', 'type', 'source', 'tags'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const split = (v: string | null) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : []);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `?custom=` back into values; text that is not a JSON object is dropped, like an unknown status. */
function customFromParam(text: string | null): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isPlainObject(parsed) && Object.keys(parsed).length ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Only the keys that say something. */
export function compactTicketFilter(f: TicketFilter): TicketFilter {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (Array.isArray(v) && !v.length) continue;
    if (k === 'custom' && isPlainObject(v) && !Object.keys(v).length) continue;
    out[k] = v;
  }
  return out as TicketFilter;
}

/** ?status=new,in_progress&priority=4,5&view=my_open → the filter and the chosen view. */
export function filterFromParams(params: URLSearchParams): { filter: TicketFilter; view: string | null } {
  const f: TicketFilter = {};
  const q = params.get('q');
  if (q) f.q = q;
  const status = split(params.get('status')).filter((s): s is TicketStatus => (TICKET_STATUSES as readonly string[]).includes(s));
  if (status.length) f.status = status;
  const source = split(params.get('source')).filter((s): s is TicketSource => (TICKET_SOURCES as readonly string[]).includes(s));
  if (source.length) f.source = source;
  for (const key of ['componentId', 'type', 'tags'] as const) {
    const v = split(params.get(key));
    if (v.length) f[key] = v;
  }
  const priority = split(params.get('priority')).map(Number).filter((n) => Number.isInteger(n) && n >= 1 && n <= 5);
  if (priority.length) f.priority = priority;
  for (const key of ['customerId', 'processorId'] as const) {
    const v = params.get(key);
    if (v) f[key] = v;
  }
  for (const key of ['createdFrom', 'createdTo'] as const) {
    const v = params.get(key);
    if (v && DAY.test(v)) f[key] = v;
  }
  const custom = customFromParam(params.get('custom'));
  if (custom) f.custom = custom;
  return { filter: f, view: params.get('view') || null };
}

export function filterToParams(filter: TicketFilter, view: string | null): URLSearchParams {
  const params = new URLSearchParams();
  if (view) params.set('view', view);
  for (const [key, value] of Object.entries(compactTicketFilter(filter))) {
    params.set(key, key === 'custom' ? JSON.stringify(value) : Array.isArray(value) ? value.join(',') : String(value));
  }
  return params;
}

/** Start (or end) of a day in a time zone, as an ISO instant; the browser's zone when none is given. */
export function dayToInstant(day: string, edge: 'start' | 'end', timeZone?: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const wall = edge === 'start' ? Date.UTC(y, m - 1, d, 0, 0, 0, 0) : Date.UTC(y, m - 1, d, 23, 59, 59, 999);
  if (!timeZone) {
    const local = edge === 'start' ? new Date(y, m - 1, d, 0, 0, 0, 0) : new Date(y, m - 1, d, 23, 59, 59, 999);
    return local.toISOString();
  }
  // The zone's offset at that wall time: format the UTC guess in the zone and correct by the difference.
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(new Date(wall))
    .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  const shown = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, edge === 'end' ? 999 : 0);
  return new Date(wall - (shown - wall)).toISOString();
}

/** An ISO instant → its day in the zone (for a saved view's dates shown in a date input). */
export function instantToDay(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** The filter as the API's query parameters (lists as "a,b", days as instants). */
export function filterQuery(filter: TicketFilter, timeZone?: string): Record<string, string | undefined> {
  const f = compactTicketFilter(filter);
  const out: Record<string, string | undefined> = {};
  if (f.q?.trim()) out.q = f.q.trim();
  for (const key of LISTS) if (f[key]?.length) out[key] = f[key]!.join(',');
  if (f.priority?.length) out.priority = f.priority.join(',');
  if (f.customerId) out.customerId = f.customerId;
  if (f.processorId) out.processorId = f.processorId;
  if (f.createdFrom) out.createdFrom = dayToInstant(f.createdFrom, 'start', timeZone);
  if (f.createdTo) out.createdTo = dayToInstant(f.createdTo, 'end', timeZone);
  if (f.slaBreached) out.slaBreached = 'true';
  if (f.custom) out.custom = JSON.stringify(f.custom);
  return out;
}

/** What a saved view stores: the API's filter shape (arrays, instants). */
export function filterToView(filter: TicketFilter, timeZone?: string): Record<string, unknown> {
  const q = filterQuery(filter, timeZone);
  const out: Record<string, unknown> = { ...q };
  for (const key of LISTS) if (q[key]) out[key] = q[key]!.split(',');
  if (q.priority) out.priority = q.priority.split(',').map(Number);
  if (q.slaBreached) out.slaBreached = true;
  if (q.custom) out.custom = JSON.parse(q.custom) as Record<string, unknown>;
  return out;
}

/** A saved view's stored filter back into the UI's shape. */
export function filterFromView(stored: Record<string, unknown>, timeZone?: string): TicketFilter {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(stored)) {
    if (value === undefined || value === null) continue;
    if ((key === 'createdFrom' || key === 'createdTo') && typeof value === 'string') params.set(key, DAY.test(value) ? value : instantToDay(value, timeZone));
    else if (key === 'custom') params.set(key, JSON.stringify(value));
    else params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const { filter } = filterFromParams(params);
  if (stored.slaBreached === true) filter.slaBreached = true;
  return filter;
}

export const isBuiltinView = (view: string | null): view is (typeof BUILTIN_VIEWS)[number] => !!view && (BUILTIN_VIEWS as readonly string[]).includes(view);
