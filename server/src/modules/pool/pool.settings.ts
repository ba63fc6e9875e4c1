import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { readSettings, writeSettings } from '../../platform/settings/settings.repository.ts';

/** CUS-7 rule, admin-set; stored in the platform's settings table under `pool.*`. */
export const poolSettingsSchema = z.object({
  /** Customers without follow-up for this many days go to the pool. */
  inactiveDays: z.number().int().min(1).max(3650),
  /** How many (active) customers one person may hold; claims beyond it are refused. */
  holdingLimit: z.number().int().min(1).max(100_000),
  /** Days after a recycle before the previous owner may claim the customer back. */
  cooldownDays: z.number().int().min(0).max(365),
});
export type PoolSettings = z.infer<typeof poolSettingsSchema>;

export const POOL_DEFAULTS: PoolSettings = { inactiveDays: 30, holdingLimit: 1000, cooldownDays: 7 };
const KEYS = Object.keys(POOL_DEFAULTS) as (keyof PoolSettings)[];

export async function readPoolSettings(db: Db): Promise<PoolSettings> {
  const stored = await readSettings(db, KEYS.map((k) => `pool.${k}`));
  const out = { ...POOL_DEFAULTS };
  for (const k of KEYS) {
    const parsed = poolSettingsSchema.shape[k].safeParse(stored.get(`pool.${k}`));
    // A value that no longer fits (older version) falls back to the default.
    if (parsed.success) out[k] = parsed.data;
  }
  return out;
}

export async function writePoolSettings(db: Db, values: Partial<PoolSettings>, actorId: string): Promise<void> {
  await writeSettings(
    db,
    KEYS.filter((k) => values[k] !== undefined).map((k) => ({ key: `pool.${k}`, value: values[k] })),
    actorId,
  );
}
