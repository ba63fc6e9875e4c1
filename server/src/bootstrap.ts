import { eq } from 'drizzle-orm';
import type { AppConfig } from './config.ts';
import type { Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { settings } from './platform/platform.tables.ts';
import { seedDemo } from './seed.ts';
import { createInitialAdmin, hasNoAccounts } from './modules/identity/index.ts';

export interface BootstrapResult {
  migrationsApplied: number;
  seeded: boolean;
  demo: boolean;
}

export interface BootstrapOptions {
  /** DEMO from the environment: undefined means "demo on a new data directory". */
  demoRequested?: boolean;
  production: boolean;
  initialAdmin?: { email: string; password: string };
  /** Where uploads live: the demo data's attachments are written there. */
  filesDir?: string;
}

/**
 * Brings a database to the current schema, and on an empty one loads the demo data (unless DEMO=0
 * or production) or creates the initial admin from ADMIN_EMAIL/ADMIN_PASSWORD.
 */
export async function bootstrapDatabase(database: Database, options: BootstrapOptions): Promise<BootstrapResult> {
  const migrationsApplied = await migrate(database.executor);
  const empty = await hasNoAccounts(database.db);
  let seeded = false;
  if (empty && !options.production && options.demoRequested !== false) {
    await seedDemo(database, { filesDir: options.filesDir });
    seeded = true;
  } else if (empty && options.initialAdmin) {
    await createInitialAdmin(database.db, options.initialAdmin);
  }
  const [flag] = await database.db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'demo.seeded'));
  const demoData = flag?.value === true;
  const demo = options.production ? false : (options.demoRequested ?? demoData);
  return { migrationsApplied, seeded, demo };
}

export function bootstrapOptionsFrom(config: AppConfig): BootstrapOptions {
  return { demoRequested: config.demoRequested, production: config.env === 'production', initialAdmin: config.initialAdmin, filesDir: config.filesDir };
}
