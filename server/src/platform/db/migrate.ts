import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_DIR } from '../../paths.ts';
import type { SqlExecutor } from './executor.ts';


/** Any stable number: processes starting together in server mode migrate one at a time. */
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Applies pending drizzle-kit migrations in one transaction (programmatic, works on PGlite and
 * PostgreSQL alike; drizzle-kit's CLI is for generating only). Returns how many were applied.
 */
export async function migrate(executor: SqlExecutor): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
  return executor.transaction(async (session) => {
    await session.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await session.query('CREATE SCHEMA IF NOT EXISTS drizzle');
    await session.query(
      'CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)',
    );
    const { rows } = await session.query<{ created_at: string }>(
      'SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1',
      [],
    );
    const last = rows[0] ? Number(rows[0].created_at) : -1;
    let applied = 0;
    for (const migration of migrations) {
      if (migration.folderMillis <= last) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await session.query(statement, []);
      }
      await session.query('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)', [
        migration.hash,
        migration.folderMillis,
      ]);
      applied++;
    }
    return applied;
  });
}
