import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../source-files.ts';

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * docs/ARCHITECTURE.md (Tests): the `it`s of a file may share one app only when the file says so and why —
 * an app built in `beforeAll` is state every `it` of that block sees.
 */
describe('state shared between the its of a file is declared', () => {
  it('every file that builds its app in beforeAll says in a comment what its its share', () => {
    const silent = filesUnder(SERVER, (file) => file.endsWith('.test.ts'), ['node_modules'])
      .filter((file) => {
        const text = fs.readFileSync(file, 'utf8');
        return /beforeAll\([^]*?createTestApp\(/.test(text) && !/\/\/[^\n]*\b(one app|share[sd]?)\b/i.test(text);
      })
      .map((file) => path.relative(SERVER, file));
    expect(silent, 'say in a comment beside beforeAll what the its share (and why, if one relies on another)').toEqual([]);
  });
});
