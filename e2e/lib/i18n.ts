import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../server/src/platform/i18n/languages.ts';

export { LANGUAGES, type Language } from '../../server/src/platform/i18n/languages.ts';

/** What the header's language menu lists (web/src/app/i18n.ts). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', vi: 'Tiếng Việt', bg: 'Български', zh: '简体中文' };
/** The browser locale that makes the login page speak the language before sign-in. */
export const BROWSER_LOCALES: Record<Language, string> = { en: 'en-US', vi: 'vi-VN', bg: 'bg-BG', zh: 'zh-CN' };
/** `<html lang>` as the SPA sets it. */
export const HTML_LANG: Record<Language, string> = { en: 'en', vi: 'vi', bg: 'bg', zh: 'zh-Hans' };

/**
 * Written here by hand, NOT read from the catalogues: if a catalogue entry goes missing (i18next
 * falls back to English) or is replaced, these assertions fail.
 */
export const KNOWN_TEXT: Record<Language, { home: string; quickLinks: string; myRequests: string; administration: string }> = {
  en: { home: 'Home', quickLinks: 'Quick links', myRequests: 'My requests', administration: 'Administration' },
  vi: { home: 'Trang chủ', quickLinks: 'Truy cập nhanh', myRequests: 'Yêu cầu của tôi', administration: 'Quản trị' },
  bg: { home: 'Начало', quickLinks: 'Бързи връзки', myRequests: 'Моите заявки', administration: 'Администрация' },
  zh: { home: '首页', quickLinks: '快捷入口', myRequests: '我的请求', administration: '系统管理' },
};

type Tree = { [key: string]: string | Tree };
const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'src', 'locales');
const catalogues = new Map<Language, Tree>();

function merge(into: Tree, from: Tree): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (typeof value === 'object' && typeof existing === 'object') merge(existing, value);
    else into[key] = value;
  }
}

function catalogue(language: Language): Tree {
  let tree = catalogues.get(language);
  if (!tree) {
    // Like the SPA: the language's catalogue is every module's file of its folder, merged.
    const dir = path.join(LOCALES_DIR, language);
    tree = {};
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      merge(tree, JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Tree);
    }
    catalogues.set(language, tree);
  }
  return tree;
}

/**
 * The UI text for a key, used to FIND elements the way a person reads them (labels, buttons).
 * A key missing in that language throws instead of quietly falling back to English.
 */
export function t(language: Language, key: string, vars: Record<string, string | number> = {}): string {
  let node: string | Tree | undefined = catalogue(language);
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no "${key}" in the ${language} catalogue`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}
