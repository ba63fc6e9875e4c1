import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { settings } from '../platform.tables.ts';

export async function readSettings(db: Db, keys: string[]): Promise<Map<string, unknown>> {
  if (!keys.length) return new Map();
  const rows = await db.select({ key: settings.key, value: settings.value }).from(settings).where(inArray(settings.key, keys));
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function writeSettings(db: Db, values: { key: string; value: unknown }[], updatedBy: string | null): Promise<void> {
  if (!values.length) return;
  await db
    .insert(settings)
    .values(values.map((v) => ({ key: v.key, value: v.value, updatedBy, updatedAt: sql`now()` })))
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value`, updatedBy, updatedAt: sql`now()` } });
}

/**
 * A boolean setting as a condition inside a query (a scope filter that an admin setting widens): true
 * when an admin turned it on. Unset means its default, false.
 */
export function settingIsOn(key: string): SQL {
  return sql`exists (select 1 from ${settings} where ${settings.key} = ${key} and ${settings.value} = 'true'::jsonb)`;
}
