/**
 * `npm start`: builds the web app when web/dist is missing or stale, then runs the server
 * (`server/src/main.ts start`) in this same process, so signals (SIGTERM/SIGINT) reach its graceful
 * shutdown directly and its exit code is npm's.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureWebBuilt, ROOT } from './build-web.mjs';

process.env.NODE_ENV ??= 'development';

try {
  await ensureWebBuilt();
} catch (error) {
  console.error(`Cannot start: ${error.message}`);
  process.exit(1);
}

// npm runs this file through `sh -c`, and on SIGTERM npm signals only that shell, which dies and leaves
// this process behind, parentless and still holding DATA_DIR. Treat losing the launcher as SIGTERM.
// (Supervisors should run `node scripts/start.mjs` directly: see docs/operations.md.)
if (process.env.npm_lifecycle_event) {
  const launcher = process.ppid;
  setInterval(() => {
    if (process.ppid !== launcher) process.kill(process.pid, 'SIGTERM');
  }, 500).unref();
}

// The same TypeScript loader as `node --import tsx`, registered for the imports below.
const { register } = await import('tsx/esm/api');
register();
// main.ts reads its command from argv[2]: `npm start -- migrate` works like `main.ts migrate`.
process.argv = [process.argv[0], path.join(ROOT, 'server/src/main.ts'), ...process.argv.slice(2)];
await import(pathToFileURL(path.join(ROOT, 'server/src/main.ts')).href);
