import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../../src/modules/registry.ts';
import { scopeTable } from '../../src/platform/module.ts';
import { ROLES } from '../../src/platform/permissions/roles.ts';

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/ARCHITECTURE.md');
const START = '<!-- scopes:start (generated from the modules\' `scopes`; server/test/contract/scopes-doc.test.ts) -->';
const END = '<!-- scopes:end -->';

describe('IAM-3 scopes', () => {
  it('docs/ARCHITECTURE.md shows exactly the scopes the modules declare', () => {
    const doc = fs.readFileSync(DOC, 'utf8');
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    expect(start, `docs/ARCHITECTURE.md needs the markers ${START} … ${END}`).toBeGreaterThan(-1);
    const documented = doc.slice(start + START.length, end).trim();
    const expected = scopeTable(MODULES, ROLES);
    expect(documented, `replace the table between the markers with:\n\n${expected}\n`).toBe(expected);
  });

  it('every module that declares permissions says how far each granted role reads', () => {
    const missing = MODULES.flatMap((m) => {
      const granted = new Set(Object.values(m.permissions ?? {}).flatMap((p) => p.roles));
      return [...granted].filter((role) => !m.scopes?.[role]).map((role) => `${m.name}: ${role}`);
    });
    expect(missing).toEqual([]);
  });
});
