import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageForCountry, languageOf } from '../src/platform/i18n/languages.ts';
import { defineTexts, fill, placeholders, registeredTexts } from '../src/platform/i18n/texts.ts';
import { serverSrc } from './problem-catalogues.ts';
import { filesUnder } from './source-files.ts';

/** Every `*.texts.ts` under server/src: importing one registers its texts in the platform catalogue. */
const textFiles = (dir: string) =>
  filesUnder(dir, (file) => file.endsWith('.texts.ts') && file !== path.join(serverSrc, 'platform/i18n/texts.ts'), ['__tests__']);
for (const file of textFiles(serverSrc)) await import(pathToFileURL(file).href);
const sets = [...registeredTexts()];

describe('server-side texts (e-mails, notifications, job messages)', () => {
  it('finds the modules’ texts', () => {
    expect(sets.map(([namespace]) => namespace).sort()).toEqual(expect.arrayContaining(['activities', 'customer-import', 'customers', 'handover', 'pool', 'tickets']));
  });

  for (const [namespace, texts] of sets) {
    it(`${namespace}: every key in every language, none empty, the same {{placeholders}} as English`, () => {
      const english = Object.keys(texts.en);
      expect(english.length).toBeGreaterThan(0);
      for (const language of LANGUAGES) {
        const own = texts[language] as Record<string, string>;
        expect(Object.keys(own).sort(), `${namespace}: keys of ${language}`).toEqual([...english].sort());
        expect(english.filter((key) => !own[key]?.trim()), `${namespace}: empty in ${language}`).toEqual([]);
        const wrong = english.filter((key) => placeholders(own[key]).join() !== placeholders((texts.en as Record<string, string>)[key]).join());
        expect(wrong, `${namespace}: placeholders differ in ${language}`).toEqual([]);
      }
    });
  }

  it('no language is a copy of English (a few shared words like "SMS" aside)', () => {
    for (const language of ['vi', 'bg', 'zh'] as const) {
      const all = sets.flatMap(([, texts]) => Object.entries(texts.en).map(([key, en]) => [en, (texts[language] as Record<string, string>)[key]]));
      const same = all.filter(([en, other]) => en === other && placeholders(en).join(' ') !== en.replace(/[{} ]/g, ''));
      expect(same.length / all.length, `${language} copies: ${same.map(([en]) => en).join(' | ')}`).toBeLessThan(0.05);
    }
  });

  it('fills placeholders and refuses a missing value; a namespace is defined once', () => {
    expect(fill('{{a}} and {{ b }}', { a: 1, b: 'two' })).toBe('1 and two');
    expect(() => fill('{{a}}', {})).toThrow('{{a}} has no value');
    expect(() => defineTexts('tickets', { en: {}, vi: {}, bg: {}, zh: {} })).toThrow('defined twice');
  });

  it('picks the recipient language: the stored one, else English; customers by their country', () => {
    expect([languageOf('vi'), languageOf('fr'), languageOf(null)]).toEqual(['vi', 'en', 'en']);
    expect([languageForCountry('VN'), languageForCountry('bg'), languageForCountry('HK'), languageForCountry('GB'), languageForCountry(null)]).toEqual(['vi', 'bg', 'zh', 'en', 'en']);
  });
});
