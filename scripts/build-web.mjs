/**
 * Builds the web app (web/dist) with Vite only when it is missing or older than its sources.
 * Used by `npm start` and `npm run e2e`; run directly (`node scripts/build-web.mjs [--force]`) to build.
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

/** The newest modification time under the given files and directories (0 when none exist). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, stat.mtimeMs);
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

/**
 * Ensures web/dist is current. Returns 'built' | 'current' | 'skipped' (no web/vite.config.ts yet);
 * throws when the Vite build fails.
 */
export async function ensureWebBuilt({ force = false } = {}) {
  if (!fs.existsSync(VITE_CONFIG)) {
    console.warn('WARNING: web/vite.config.ts does not exist: skipping the web build (the API still starts).');
    return 'skipped';
  }
  const reason = force ? 'forced' : buildReason();
  if (!reason) return 'current';
  console.log(`Building the web app (${reason})…`);
  const started = Date.now();
  // A child process: Vite's memory is returned before the server starts in this process.
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--config', VITE_CONFIG], { cwd: ROOT, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
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
