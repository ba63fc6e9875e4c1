import { z } from 'zod';

/**
 * The catalogue of domain events. Each module declares the events it records, each with a zod schema
 * of its payload (`<module>.events.ts`, via defineEvents); they are merged here when the module is
 * loaded, and augment `EventRegistry` so that `recordEvent(tx, name, payload)` and
 * `ctx.events.subscribe(name, …)` are typed by name: an unknown name or a wrong payload fails to
 * compile, and at run time recordEvent refuses an uncatalogued name or an invalid payload.
 * The platform itself imports no module: the catalogue is filled by whoever loads the modules.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation (each <m>.events.ts)
export interface EventRegistry {}
/** Every catalogued event name, as a type. */
export type EventName = keyof EventRegistry & string;
/** What a writer hands recordEvent for this event (the schema's input). */
export type EventInput<N extends EventName> = z.input<EventRegistry[N] & z.ZodType>;
/** What a subscriber receives for this event (the schema's output, as stored). */
export type EventPayload<N extends EventName> = z.output<EventRegistry[N] & z.ZodType>;

/** A module's events: name → schema of the payload (a JSON object: ids and plain values, never text the user typed at length). */
export type EventCatalogue = Readonly<Record<string, z.ZodType<Record<string, unknown>>>>;
/**
 * What a catalogue adds to EventRegistry: `interface EventRegistry extends Catalogued<typeof mine> {}`.
 * A name two modules declare with different schemas is a compile error there.
 */
export type Catalogued<C extends EventCatalogue> = { [K in keyof C]: C[K] };

/** `area.what_happened`: lower-case words joined by dots (no name is built at run time, so none needs more). */
const EVENT_NAME = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;
const schemas = new Map<string, z.ZodType>();

/**
 * Declares a module's events and merges them into the catalogue. Called once at module load; a name
 * declared twice with another schema is a programming error and throws at start.
 */
export function defineEvents<const C extends EventCatalogue>(catalogue: C): C {
  for (const [name, schema] of Object.entries(catalogue)) {
    if (!EVENT_NAME.test(name)) throw new Error(`event name ${name} is not of the form area.what_happened`);
    const known = schemas.get(name);
    if (known && known !== schema) throw new Error(`event ${name} is catalogued twice`);
    schemas.set(name, schema);
  }
  return catalogue;
}

export function isCatalogued(name: string): name is EventName {
  return schemas.has(name);
}

/** Every catalogued name, in declaration order. */
export function cataloguedEvents(): EventName[] {
  return [...schemas.keys()] as EventName[];
}

/** A payload that does not match its event's schema, or an event nobody catalogued: a bug in the writer. */
export class EventPayloadError extends Error {
  constructor(
    readonly event: string,
    detail: string,
  ) {
    super(`event ${event}: ${detail}`);
    this.name = 'EventPayloadError';
  }
}

/**
 * The payload as it will be stored, after its schema. Throws EventPayloadError (not a ZodError: this
 * is the server's fault, never a 400 for the caller) for an uncatalogued name or an invalid payload,
 * so the writer's transaction rolls back.
 */
export function validPayload(event: string, payload: unknown): Record<string, unknown> {
  const schema = schemas.get(event);
  if (!schema) throw new EventPayloadError(event, 'not in any event catalogue');
  const result = schema.safeParse(payload);
  if (!result.success) throw new EventPayloadError(event, `invalid payload: ${z.prettifyError(result.error)}`);
  return result.data as Record<string, unknown>;
}

/**
 * validPayload for a payload whose `filled` fields the database fills in the writing statement itself
 * (the number a sequence gives the new record): the rest is checked here, and those fields are left
 * to the SQL that produces them.
 */
export function validPayloadWithout(event: string, payload: unknown, filled: readonly string[]): Record<string, unknown> {
  const schema = schemas.get(event);
  if (!schema) throw new EventPayloadError(event, 'not in any event catalogue');
  if (!(schema instanceof z.ZodObject)) throw new EventPayloadError(event, 'fields filled by SQL need an object schema');
  const result = schema.omit(Object.fromEntries(filled.map((f) => [f, true])) as Record<string, true>).safeParse(payload);
  if (!result.success) throw new EventPayloadError(event, `invalid payload: ${z.prettifyError(result.error)}`);
  return result.data as Record<string, unknown>;
}

// ── small schema pieces the catalogues share ────────────────────────────────────────────────
/** One field's change, as history records it (platform/audit/history.ts FieldChange). */
export const fieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
/** An ISO 8601 timestamp with its offset, as `Date.toISOString()` writes it. */
export const isoTimestamp = z.iso.datetime({ offset: true });
