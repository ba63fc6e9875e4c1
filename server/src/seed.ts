import type { Database } from './platform/db/database.ts';
import type { ModuleDefinition } from './platform/module.ts';
import { settings } from './platform/platform.tables.ts';
import { MODULES } from './modules/registry.ts';

/**
 * Demo data for every module, in one transaction: a half-seeded database never exists. Each module's
 * seed step runs in registry order. With `filesDir`, demo attachments (an image, a PDF) are written there too.
 */
export async function seedDemo(database: Database, options: { filesDir?: string; modules?: readonly ModuleDefinition[] } = {}): Promise<void> {
  await database.transaction(async (tx) => {
    const shared = { userIds: new Map<string, string>(), filesDir: options.filesDir };
    for (const module of options.modules ?? MODULES) await module.seed?.(tx, shared);
    await tx.insert(settings).values({ key: 'demo.seeded', value: true });
  });
}
