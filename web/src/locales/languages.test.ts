import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// The server's list is the source; the SPA keeps a copy (it never imports server code) that must match.
import { LANGUAGES as SERVER_LANGUAGES } from '../../../server/src/platform/i18n/languages.ts';
import { LANGUAGES } from '../api/types.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('the UI languages', () => {
  it('are the server’s languages, in the same order', () => {
    expect([...LANGUAGES]).toEqual([...SERVER_LANGUAGES]);
  });

  it('each has its catalogue folder, and no folder is a language the server does not know', () => {
    const folders = fs.readdirSync(here, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual([...SERVER_LANGUAGES].sort());
  });
});
