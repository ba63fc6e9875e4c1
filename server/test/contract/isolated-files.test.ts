import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../source-files.ts';

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The registrars of the process-wide catalogues: what a file declares with them stays for the process. */
const REGISTRARS = ['defineModule', 'definePermissions', 'defineEvents', 'defineTexts', 'defineProblems'];

/**
 * vitest.config.ts runs server test files one after another in shared worker processes, except those
 * named `*.isolated.*`. A file that declares test-only permissions, events, texts, problems or a module
 * would leave them in the catalogues for the files after it, so it must be one of the isolated ones.
 */
describe('test files that fill the process-wide catalogues run in a process of their own', () => {
  it('every test file calling a registrar is named *.isolated.*', () => {
    const calls = new RegExp(`\\b(${REGISTRARS.join('|')})\\(`);
    const shared = filesUnder(SERVER, (file) => file.endsWith('.test.ts') && !file.includes('.isolated.'), ['node_modules'])
      .filter((file) => file !== fileURLToPath(import.meta.url) && calls.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(SERVER, file));
    expect(shared, 'rename these to *.isolated.test.ts (or *.isolated.int.test.ts)').toEqual([]);
  });

  it('recognises a registrar call (the scan above can fail)', () => {
    const calls = new RegExp(`\\b(${REGISTRARS.join('|')})\\(`);
    expect(calls.test("const p = definePermissions({ 'x.read': {} });")).toBe(true);
    expect(calls.test('import { definePermissions } from "roles";')).toBe(false);
  });
});
