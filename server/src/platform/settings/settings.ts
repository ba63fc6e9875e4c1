import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { readSettings, writeSettings } from './settings.repository.ts';

/**
 * Admin-set values, one row per `section.name` key. Each has a schema (what an admin may set) and a
 * default (what applies until they do). The API shows them grouped: `{ uploads: { maxMb: 25 } }`.
 */
export const SETTINGS = {
  uploads: {
    /** Largest upload accepted, in MB (files are streamed, never held in memory). */
    maxMb: { schema: z.number().int().min(1).max(50), default: 25 },
  },
  tickets: {
    /** TKT-6: a ticket waiting on the customer with no activity for this many days is closed. */
    autoCloseDays: { schema: z.number().int().min(1).max(365), default: 7 },
    /** TKT-10: open tickets of one customer and source within this many hours are consolidated. */
    consolidationHours: { schema: z.number().int().min(1).max(720), default: 24 },
    /** IAM-3: agents see every ticket, not only their components' (and those they process or created). */
    agentsSeeAllTickets: { schema: z.boolean(), default: false },
  },
  knowledge: {
    /** KB-1 editor workflow: the roles that may publish, un-publish and archive articles (writers draft). */
    publishRoles: { schema: z.array(z.enum(['admin', 'manager', 'agent'])).min(1).max(3), default: ['admin', 'manager'] as ('admin' | 'manager' | 'agent')[] },
  },
} as const;

type Sections = typeof SETTINGS;
type ValueOf<D> = D extends { schema: z.ZodType<infer V> } ? V : never;
export type SettingsDocument = { [S in keyof Sections]: { [K in keyof Sections[S]]: ValueOf<Sections[S][K]> } };
type SettingValue<K extends string> = K extends `${infer S}.${infer N}`
  ? S extends keyof Sections
    ? N extends keyof Sections[S]
      ? ValueOf<Sections[S][N]>
      : never
    : never
  : never;
export type SettingKey = { [S in keyof Sections]: `${S & string}.${keyof Sections[S] & string}` }[keyof Sections];

const entries = Object.entries(SETTINGS).flatMap(([section, fields]) =>
  Object.entries(fields).map(([name, def]) => ({ section, name, key: `${section}.${name}`, def: def as { schema: z.ZodType; default: unknown } })),
);

const sectionSchema = (section: string, optional: boolean) =>
  z.strictObject(
    Object.fromEntries(entries.filter((e) => e.section === section).map((e) => [e.name, optional ? e.def.schema.optional() : e.def.schema])),
  );

/** The whole document (responses). */
export const settingsResponse = z.object(
  Object.fromEntries(Object.keys(SETTINGS).map((s) => [s, sectionSchema(s, false)])),
) as unknown as z.ZodType<SettingsDocument>;

/** A partial document (PATCH): unknown sections or names are refused by name. */
export const settingsPatch = z.strictObject(
  Object.fromEntries(Object.keys(SETTINGS).map((s) => [s, sectionSchema(s, true).optional()])),
) as unknown as z.ZodType<{ [S in keyof SettingsDocument]?: Partial<SettingsDocument[S]> }>;

export class Settings {
  constructor(private readonly database: Database) {}

  async get<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
    const entry = entries.find((e) => e.key === key)!;
    const stored = (await readSettings(this.database.db, [key])).get(key);
    const parsed = entry.def.schema.safeParse(stored);
    // A value stored by an older version that no longer fits falls back to the default.
    return (parsed.success ? parsed.data : entry.def.default) as SettingValue<K>;
  }

  async all(): Promise<SettingsDocument> {
    const stored = await readSettings(this.database.db, entries.map((e) => e.key));
    const doc: Record<string, Record<string, unknown>> = {};
    for (const e of entries) {
      const parsed = e.def.schema.safeParse(stored.get(e.key));
      (doc[e.section] ??= {})[e.name] = parsed.success ? parsed.data : e.def.default;
    }
    return doc as SettingsDocument;
  }

  async update(actorId: string, patch: Record<string, Record<string, unknown> | undefined>): Promise<SettingsDocument> {
    const values = entries
      .filter((e) => patch[e.section]?.[e.name] !== undefined)
      .map((e) => ({ key: e.key, value: e.def.schema.parse(patch[e.section]![e.name]) }));
    await this.database.transaction((tx) => writeSettings(tx, values, actorId));
    return this.all();
  }
}
