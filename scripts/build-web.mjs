/**
 * Builds the web app (web/dist) with Vite only when it is missing or older than its sources.
 * First regenerates web/src/api/schema.gen.ts (the API types) when server sources changed.
 * Used by `npm start`, `npm run e2e` and `npm run build` (`node scripts/build-web.mjs --force`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
const VITE_CONFIG = path.join(WEB, 'vite.config.ts');
const DIST_INDEX = path.join(WEB, 'dist', 'index.html');
const SOURCES = [path.join(WEB, 'src'), path.join(WEB, 'public'), path.join(WEB, 'index.html'), VITE_CONFIG];
const SCHEMA_FILE = path.join(WEB, 'src', 'api', 'schema.gen.ts');
const SCHEMA_GENERATOR = path.join(ROOT, 'scripts', 'openapi-types.ts');
/** Touched after each generation: an unchanged schema.gen.ts keeps its old time, so the web does not rebuild. */
const SCHEMA_STAMP = path.join(ROOT, 'node_modules', '.cache', 'switchboard', 'openapi-types.stamp');
/**
 * Server sources count for the web: the OpenAPI document (and the permission names) come from them. Any change
 * reruns the generator (a few seconds); it rewrites schema.gen.ts only when the text changes, and only that
 * rebuilds the web.
 */
const isServerSource = (file) => file.endsWith('.ts') && !file.includes(`${path.sep}__tests__${path.sep}`);

/** The newest modification time under the given files and directories (0 when none exist). */
function newestMtime(paths, include = () => true) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else if (include(p)) newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** Why a build is needed, or null when web/dist is current. */
export function buildReason() {
  if (!fs.existsSync(DIST_INDEX)) return 'web/dist/index.html is missing';
  const built = fs.statSync(DIST_INDEX).mtimeMs;
  return newestMtime(SOURCES) > built ? 'web sources changed since the last build' : null;
}

function runNode(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
}

/**
 * Regenerates web/src/api/schema.gen.ts when a server source or the generator is newer than it (or always,
 * forced).
 * Without openapi-typescript (a production install without devDependencies) the committed file is used.
 */
export async function ensureSchemaTypes({ force = false } = {}) {
  const generated = fs.existsSync(SCHEMA_FILE) ? Math.max(fs.statSync(SCHEMA_FILE).mtimeMs, newestMtime([SCHEMA_STAMP])) : 0;
  const inputs = Math.max(newestMtime([path.join(ROOT, 'server', 'src')], isServerSource), newestMtime([SCHEMA_GENERATOR]));
  const stale = inputs > generated;
  if (!force && !stale) return 'current';
  if (!fs.existsSync(path.join(ROOT, 'node_modules', 'openapi-typescript'))) {
    console.warn('WARNING: openapi-typescript is not installed: using the committed web/src/api/schema.gen.ts.');
    return 'skipped';
  }
  const code = await runNode(['--import', 'tsx', SCHEMA_GENERATOR]);
  if (code !== 0) throw new Error(`OpenAPI type generation failed (exit code ${code})`);
  fs.mkdirSync(path.dirname(SCHEMA_STAMP), { recursive: true });
  fs.writeFileSync(SCHEMA_STAMP, `${new Date().toISOString()}\n`);
  return 'generated';
}

/**
 * Ensures web/dist is current. Returns 'built' | 'current' | 'skipped' (no web/vite.config.ts yet);
 * throws when the Vite build fails.
 */
export async function ensureWebBuilt({ force = false } = {}) {
  if (!fs.existsSync(VITE_CONFIG)) {
    console.warn('WARNING: web/vite.config.ts does not exist: skipping the web build (the API still starts).');
    return 'skipped';
  }
  await ensureSchemaTypes({ force });
  const reason = force ? 'forced' : buildReason();
  if (!reason) return 'current';
  console.log(`Building the web app (${reason})…`);
  const started = Date.now();
  // A child process: Vite's memory is returned before the server starts in this process.
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const code = await runNode([vite, 'build', '--config', VITE_CONFIG]);
  if (code !== 0) throw new Error(`vite build failed (exit code ${code})`);
  console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return 'built';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureWebBuilt({ force: process.argv.includes('--force') }).then(
    (result) => console.log(`web: ${result}`),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
