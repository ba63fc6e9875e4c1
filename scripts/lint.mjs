#!/usr/bin/env node
// `npm run lint`: the linter, the import boundaries and the table ownership check (decision 0004).
// All three run even when one fails, so one run shows every finding; the exit code is non-zero if any failed.
import { spawnSync } from 'node:child_process';

const steps = [
  ['ESLint', 'eslint', ['server', 'web', 'e2e', 'bench', 'scripts']],
  ['import boundaries', 'depcruise', ['server', 'web/src', 'e2e', 'bench', 'scripts', '--config', '.dependency-cruiser.cjs']],
  ['table ownership', 'node', ['scripts/check-table-ownership.mjs']],
];
const failed = [];
for (const [name, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n── lint: ${name}`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit', shell: false, env: { ...process.env, PATH: `${process.cwd()}/node_modules/.bin:${process.env.PATH}` } });
  console.log(`── lint: ${name} ${status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`\nlint failed: ${failed.join(', ')}`);
  process.exit(1);
}
