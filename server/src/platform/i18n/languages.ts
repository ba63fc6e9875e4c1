/**
 * The languages Switchboard speaks: the UI's catalogues (web/src/locales/<language>), users.language,
 * and every server-side text (platform/i18n/texts.ts). The one server-side list; the web keeps its own
 * copy in web/src/api/types.ts, checked against this one by web/src/locales/languages.test.ts.
 */
export const LANGUAGES = ['en', 'vi', 'bg', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value);

/** A stored language (users.language) as one we speak: English for anything else. */
export function languageOf(value: string | null | undefined): Language {
  return isLanguage(value) ? value : 'en';
}

/**
 * A customer has no language of its own: follow the country (ISO 3166 alpha-2). Vietnam → vi,
 * Bulgaria → bg, Chinese-speaking regions → zh, anything else → en.
 */
export function languageForCountry(country: string | null | undefined): Language {
  const c = (country ?? '').toUpperCase();
  if (c === 'VN') return 'vi';
  if (c === 'BG') return 'bg';
  return ['CN', 'TW', 'HK', 'MO', 'SG'].includes(c) ? 'zh' : 'en';
}
