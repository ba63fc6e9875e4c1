import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Every module specifier in a file: static imports/exports, `import type`, dynamic import(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
    found.push(match[1] ?? match[2] ?? match[3]);
  }
  return found;
}

// The web gets the server's shapes and rules through the API (types generated from its OpenAPI document),
// never by importing server source: that would bundle server code and bypass the contract.
test('no web source imports anything outside web/ (server source included)', () => {
  const offenders: string[] = [];
  // Tests run in Node beside the server and may read its catalogues (e.g. to check every problem code
  // is translated); what ships to the browser may not.
  for (const file of sourceFiles(path.join(WEB, 'src')).filter((f) => !/\.test\.tsx?$/.test(f))) {
    for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
      const escapes = spec.startsWith('.') && !path.resolve(path.dirname(file), spec).startsWith(WEB + path.sep);
      if (escapes || /(^|\/)server\/src\//.test(spec)) offenders.push(`${path.relative(WEB, file)} → ${spec}`);
    }
  }
  expect(offenders).toEqual([]);
});

test('the import scanner sees type imports and dynamic imports', () => {
  expect(specifiers(`import type { A } from '../../../server/src/x.ts';\nconst m = await import('./y.ts');\nimport './z.css';`)).toEqual([
    '../../../server/src/x.ts',
    './y.ts',
    './z.css',
  ]);
});
