import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../api/types.ts';
import { mergeCatalogue, type Tree } from './catalogue.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const src = path.resolve(here, '..');

/** The same merge the app does: every JSON file of the language's folder. */
function load(language: string): Tree {
  const dir = path.join(here, language);
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.json'));
  return mergeCatalogue(Object.fromEntries(files.map((name) => [name, JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Tree])));
}

/** {"a":{"b":"x"}} → {"a.b":"x"}; anything that is not a string or object is reported as-is. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, name)) out.set(k, v);
    } else {
      out.set(name, value);
    }
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const catalogues = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(load(l))])) as Record<(typeof LANGUAGES)[number], Map<string, unknown>>;
const english = catalogues.en;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('translation catalogues', () => {
  it('English has keys at all', () => {
    expect(english.size).toBeGreaterThan(100);
  });

  for (const language of LANGUAGES) {
    it(`${language}: every key of every language is present and non-empty`, () => {
      const catalogue = catalogues[language];
      const allKeys = new Set(LANGUAGES.flatMap((l) => [...catalogues[l].keys()]));
      const missing = [...allKeys].filter((key) => !catalogue.has(key));
      const empty = [...catalogue].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
      expect(missing, `missing in ${language}`).toEqual([]);
      expect(empty, `empty or not text in ${language}`).toEqual([]);
    });

    it(`${language}: uses the same {{placeholders}} as English`, () => {
      const wrong = [...english]
        .filter(([key, value]) => {
          const other = catalogues[language].get(key);
          return typeof other === 'string' && placeholders(String(value)).join() !== placeholders(other).join();
        })
        .map(([key]) => key);
      expect(wrong).toEqual([]);
    });
  }

  for (const language of ['vi', 'bg', 'zh'] as const) {
    it(`${language}: is a translation, not a copy of English`, () => {
      const same = [...english].filter(([key, value]) => catalogues[language].get(key) === value).map(([key]) => key);
      // A few values are legitimately identical (the product name, "Marketing", "E-mail"…).
      expect(same.length / english.size, `identical to English: ${same.join(', ')}`).toBeLessThan(0.05);
    });
  }

  it('every key the code asks for exists in English', () => {
    const used = new Set<string>();
    const prefixes = new Set<string>();
    for (const file of sourceFiles(src)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) used.add(m[1]);
      // Navigation and quick links name their labels as data.
      for (const m of text.matchAll(/\b(?:label|description): '([a-z]+\.[A-Za-z.]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z.]+)\.\$\{/g)) prefixes.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !english.has(key))).toEqual([]);
    const keys = [...english.keys()];
    expect([...prefixes].filter((prefix) => !keys.some((key) => key.startsWith(`${prefix}.`)))).toEqual([]);
  });

  it('every language has the same module files', () => {
    const names = (language: string) => fs.readdirSync(path.join(here, language)).filter((n) => n.endsWith('.json')).sort();
    for (const language of LANGUAGES) expect(names(language), language).toEqual(names('en'));
  });

  it('merging refuses a key two module files both define', () => {
    expect(() => mergeCatalogue({ 'a.json': { x: { y: 'one' } }, 'b.json': { x: { y: 'two' } } })).toThrow('"x.y" is defined twice');
    expect(mergeCatalogue({ 'a.json': { x: { y: 'one' } }, 'b.json': { x: { z: 'two' } } })).toEqual({ x: { y: 'one', z: 'two' } });
  });

  it('every role, team kind and color scheme has a label', () => {
    for (const role of ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor', 'client']) expect(english.has(`roles.${role}`)).toBe(true);
    for (const kind of ['SALES', 'MARKETING', 'SUPPORT', 'MANAGEMENT']) expect(english.has(`teamKinds.${kind}`)).toBe(true);
    for (const scheme of ['light', 'dark', 'system']) expect(english.has(`colorScheme.${scheme}`)).toBe(true);
  });
});
