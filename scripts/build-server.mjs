/**
 * Bundles the server for `npm start` (server/dist/main.mjs and the PGlite worker's pglite-worker.mjs) with
 * esbuild, only when the bundle is missing or older than the server's sources or the lockfile. The
 * packages stay external (resolved from node_modules). Running the bundle instead of the TypeScript
 * through tsx saves the loader in both threads: measured in docs/decisions/0009-bundled-server-for-npm-start.md.
 * `npm run dev`, the tests and the scripts still run the sources through tsx.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = path.join(ROOT, 'server', 'src');
const OUT_DIR = path.join(ROOT, 'server', 'dist');
export const SERVER_BUNDLE = path.join(OUT_DIR, 'main.mjs');
const ENTRIES = { main: path.join(SOURCES, 'main.ts'), 'pglite-worker': path.join(SOURCES, 'platform', 'db', 'pglite-worker.ts') };
const isServerSource = (file) => /\.(ts|mjs)$/.test(file) && !file.includes(`${path.sep}__tests__${path.sep}`);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(file));
    else if (isServerSource(file)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

/** Why a build is needed, or null when server/dist is current. */
function buildReason() {
  if (!fs.existsSync(SERVER_BUNDLE) || !fs.existsSync(path.join(OUT_DIR, 'pglite-worker.mjs'))) return 'server/dist is missing';
  const built = fs.statSync(SERVER_BUNDLE).mtimeMs;
  if (newestMtime(SOURCES) > built) return 'server sources changed since the last build';
  if (fs.statSync(path.join(ROOT, 'package-lock.json')).mtimeMs > built) return 'dependencies changed since the last build';
  return null;
}

/** Ensures server/dist is current. Returns 'built' | 'current'. */
export async function ensureServerBuilt({ force = false } = {}) {
  const reason = force ? 'forced' : buildReason();
  if (!reason) return 'current';
  const started = Date.now();
  const { build } = await import('esbuild');
  await build({
    entryPoints: ENTRIES,
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  console.log(`Server bundled in ${((Date.now() - started) / 1000).toFixed(1)} s (${reason}).`);
  return 'built';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureServerBuilt({ force: process.argv.includes('--force') }).then(
    (result) => console.log(`server: ${result}`),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
