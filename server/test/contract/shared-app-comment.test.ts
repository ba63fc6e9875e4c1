import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/**
 * docs/ARCHITECTURE.md (Tests): the `it`s of a file may share one app only when the file says so and why —
 * an app built in `beforeAll` is state every `it` of that block sees.
 */
describe('state shared between the its of a file is declared', () => {
  it('every file that builds its app in beforeAll says in a comment what its its share', () => {
    const silent = testFiles(SERVER)
      .filter((file) => /beforeAll\([^]*?createTestApp\(/.test(fs.readFileSync(file, 'utf8')))
      .filter((file) => !/\/\/[^\n]*\b(one app|share[sd]?)\b/i.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(SERVER, file));
    expect(silent, 'say in a comment beside beforeAll what the its share (and why, if one relies on another)').toEqual([]);
  });
});
