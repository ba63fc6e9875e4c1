import path from 'node:path';
import type { AppConfig } from '../../config.ts';
import { Database } from './database.ts';
import { acquireDataDirLock } from './lock.ts';
import { PgExecutor } from './pg-executor.ts';
import { PgliteExecutor } from './pglite-executor.ts';

export interface OpenedDatabase {
  database: Database;
  /** Closes the engine and releases the data-directory lock. */
  close(): Promise<void>;
}

/** Server mode when DATABASE_URL is set, otherwise embedded PGlite under DATA_DIR/pgdata (locked). */
export async function openDatabase(config: AppConfig): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const executor = new PgExecutor(config.databaseUrl);
    const database = new Database(executor);
    return { database, close: () => executor.close() };
  }
  const release = acquireDataDirLock(config.dataDir);
  try {
    const executor = await PgliteExecutor.open({
      dataDir: path.join(config.dataDir, 'pgdata'),
      initialMemory: config.pgliteInitialMemory,
      sharedBuffersMb: config.pgliteSharedBuffersMb,
      optimizeWasm: config.pgliteOptimizeWasm,
    });
    const database = new Database(executor);
    return {
      database,
      close: async () => {
        await executor.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
