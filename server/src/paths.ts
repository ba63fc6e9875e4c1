import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The server folder (holding migrations/). This file sits one level below it both in the sources
 * (server/src/paths.ts) and inlined in the bundle `npm start` runs (server/dist/main.mjs), so the same
 * expression finds it either way.
 */
export const SERVER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MIGRATIONS_DIR = path.join(SERVER_ROOT, 'migrations');
export const WEB_DIST = path.join(SERVER_ROOT, '..', 'web', 'dist');
/** The PGlite worker: its TypeScript loader stub from the sources, its own bundle next to the server's. */
export const PGLITE_WORKER = import.meta.url.endsWith('.ts')
  ? new URL('./platform/db/pglite-worker.boot.mjs', import.meta.url)
  : new URL('./pglite-worker.mjs', import.meta.url);
