import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
// A test may read the server's catalogues; the SPA itself never imports server code.
import { loadProblemCatalogues } from '../../../server/test/problem-catalogues.ts';
import { ApiError } from '../api/client.ts';
import { LANGUAGES } from '../api/types.ts';
import { errorMessage, knownCodeMessage } from '../ui/errors.ts';
import { mergeCatalogue, type Tree } from './catalogue.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const codes = [...(await loadProblemCatalogues()).keys()].sort();

const problemsOf = (language: string) =>
  (JSON.parse(fs.readFileSync(path.join(here, language, 'problems.json'), 'utf8')) as { problems: Record<string, unknown> }).problems;

function catalogue(language: string): Tree {
  const dir = path.join(here, language);
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.json'));
  return mergeCatalogue(Object.fromEntries(files.map((name) => [name, JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Tree])));
}

describe('problem codes in the UI languages', () => {
  it('reads the server catalogues', () => {
    expect(codes.length).toBeGreaterThan(60);
    expect(codes).toContain('pool_cooldown');
  });

  for (const language of LANGUAGES) {
    it(`${language}: every catalogued code has a sentence, and no sentence names an unknown code`, () => {
      const texts = problemsOf(language);
      const missing = codes.filter((code) => typeof texts[code] !== 'string' || !(texts[code] as string).trim());
      expect(missing, `untranslated in ${language}`).toEqual([]);
      expect(Object.keys(texts).filter((code) => !codes.includes(code)), `not a server code (${language})`).toEqual([]);
    });
  }

  it('the UI shows the sentence of the user language for a known code, the server detail for an unknown one', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: catalogue(l) }])), lng: 'vi', fallbackLng: 'en', showSupportNotice: false });
    const t = i18n.t.bind(i18n);
    const cooldown = new ApiError(409, 'pool_cooldown', 'You were the previous owner of CUST-2026-000001 …', [{ field: 'customerId', message: 'Cool-down.' }]);
    expect(errorMessage(t, cooldown)).toBe(problemsOf('vi').pool_cooldown);
    expect(knownCodeMessage(t, cooldown)).toBe(problemsOf('vi').pool_cooldown);
    await i18n.changeLanguage('zh');
    expect(errorMessage(t, new ApiError(422, 'ticket_closed', 'The ticket is closed.'))).toBe(problemsOf('zh').ticket_closed);
    // The wait of a 429 stays visible after the sentence; validation keeps its field messages.
    expect(errorMessage(t, new ApiError(429, 'too_many_attempts', 'Try again in 30 seconds.'))).toBe(`${problemsOf('zh').too_many_attempts} Try again in 30 seconds.`);
    expect(knownCodeMessage(t, new ApiError(400, 'validation_failed', 'email: Invalid', [{ field: 'email', message: 'Invalid' }]))).toBeNull();
    expect(errorMessage(t, new ApiError(418, 'teapot_refused', 'The server said why.'))).toBe('The server said why.');
  });
});
