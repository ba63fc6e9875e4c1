/**
 * `npm start`: builds the web app (web/dist) and bundles the server (server/dist) when either is missing
 * or stale, then runs the bundled server (`server/src/main.ts start`) in this same process, so signals
 * (SIGTERM/SIGINT) reach its graceful shutdown directly and its exit code is npm's.
 */
import { pathToFileURL } from 'node:url';
import { ensureServerBuilt, SERVER_BUNDLE } from './build-server.mjs';
import { ensureWebBuilt } from './build-web.mjs';

process.env.NODE_ENV ??= 'development';

try {
  await ensureWebBuilt();
  await ensureServerBuilt();
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

// Source maps stay off: enabling them made the first start take 30 s and 931 MB (decision 0009).
// main.ts reads its command from argv[2]: `npm start -- migrate` works like `main.ts migrate`.
process.argv = [process.argv[0], SERVER_BUNDLE, ...process.argv.slice(2)];
await import(pathToFileURL(SERVER_BUNDLE).href);
