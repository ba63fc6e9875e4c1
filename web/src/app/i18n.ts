import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../api/types.ts';
import { mergeCatalogue, type Tree } from '../locales/catalogue.ts';

const files = import.meta.glob<Tree>('../locales/*/*.json', { eager: true, import: 'default' });

/** One language's catalogue: every module's file in ../locales/<language>/, merged. */
function catalogueOf(language: Language): Tree {
  const prefix = `../locales/${language}/`;
  return mergeCatalogue(Object.fromEntries(Object.entries(files).filter(([file]) => file.startsWith(prefix))));
}

const STORAGE_KEY = 'switchboard.language';

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', vi: 'Tiếng Việt', bg: 'Български', zh: '简体中文' };

function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** Before sign-in: the last language used on this device, else the browser's, else English. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2).toLowerCase();
  return isLanguage(browser) ? browser : 'en';
}

export function applyLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language === 'zh' ? 'zh-Hans' : language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(LANGUAGES.map((language) => [language, { translation: catalogueOf(language) }])),
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  // React escapes text itself; escaping here would double-encode names like "O'Brien".
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language === 'zh' ? 'zh-Hans' : i18n.language;

export { i18n };
