import { LANGUAGES, type Language } from './languages.ts';

/**
 * The one catalogue of server-side texts: e-mails, notifications and job messages, in every language.
 * Each module keeps its texts beside its code (`<module>.texts.ts`) and registers them here under its
 * own namespace; `texts.isolated.test.ts` checks every registered set: all keys in all languages, none empty,
 * the same {{placeholders}} as English.
 *
 *   const t = defineTexts('pool', { en: { recycled: '{{number}} moved to the pool' }, vi: { … }, … });
 *   t.text('vi', 'recycled', { number: 'CUST-2026-000001' });
 *
 * Texts are plain text with {{name}} placeholders; a value is inserted as it is (no markup anywhere).
 */
export type TextSet<Key extends string> = { readonly [L in Language]: { readonly [K in Key]: string } };
export type Vars = Readonly<Record<string, string | number>>;

export interface TextCatalogue<Key extends string> {
  readonly namespace: string;
  readonly texts: TextSet<Key>;
  /** The text in `language` with its placeholders filled; a placeholder without a value is an error. */
  text(language: Language, key: Key, vars?: Vars): string;
  /** The same text in every language, e.g. for a notification resolved in its recipient's language. */
  localized(key: Key, vars?: Vars): (language: Language) => string;
}

const registry = new Map<string, TextSet<string>>();

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

export function fill(text: string, vars: Vars = {}): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    if (!Object.hasOwn(vars, name)) throw new Error(`text placeholder {{${name}}} has no value`);
    return String(vars[name]);
  });
}

export function defineTexts<const Key extends string>(namespace: string, texts: TextSet<Key>): TextCatalogue<Key> {
  if (registry.has(namespace)) throw new Error(`texts "${namespace}" are defined twice`);
  registry.set(namespace, texts);
  const text = (language: Language, key: Key, vars?: Vars) => fill(texts[language][key] ?? texts.en[key], vars);
  return { namespace, texts, text, localized: (key, vars) => (language) => text(language, key, vars) };
}

/** Every registered set (the modules' `*.texts.ts` files register when imported). */
export function registeredTexts(): ReadonlyMap<string, TextSet<string>> {
  return registry;
}

export { LANGUAGES };
