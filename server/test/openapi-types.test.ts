import fs from 'node:fs';
import { expect, test } from 'vitest';
import { permissionNames, renderSchemaSource, SCHEMA_FILE } from '../../scripts/openapi-types.ts';
import { allPermissions } from '../src/platform/permissions/roles.ts';

// The web's API types are aliases of the committed web/src/api/schema.gen.ts; a contract change without
// regenerating it (npm run api:types) would let the web compile against shapes the server no longer sends.
test('the committed web/src/api/schema.gen.ts is what the current server contracts generate', async () => {
  const fresh = await renderSchemaSource();
  const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
  if (committed !== fresh) {
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const line = a.findIndex((text, i) => text !== b[i]);
    expect.fail(`schema.gen.ts is stale (first difference at line ${line + 1}: ${JSON.stringify(a[line])} ≠ ${JSON.stringify(b[line])}); run npm run api:types`);
  }
});

test('the generated Permission union lists every permission of the role matrix', async () => {
  expect(allPermissions().length).toBeGreaterThan(30);
  expect(permissionNames()).toEqual([...allPermissions()].sort());
  const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
  const union = committed.slice(committed.indexOf('export type Permission ='));
  for (const name of allPermissions()) expect(union).toContain(`| ${JSON.stringify(name)}`);
});
