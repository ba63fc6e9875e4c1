import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types.ts';
import { useOptionalMe } from '../app/session.tsx';

const LOCALES: Record<Language, string> = { en: 'en-GB', vi: 'vi-VN', bg: 'bg-BG', zh: 'zh-CN' };

export function localeOf(language: string): string {
  return LOCALES[language as Language] ?? 'en-GB';
}

/** Dates and numbers in the user's language and time zone (PLT-6), always through Intl. */
export function useFormat() {
  const { i18n } = useTranslation();
  const timeZone = useOptionalMe()?.timeZone;
  const locale = localeOf(i18n.language);
  return useMemo(() => {
    const tz = timeZone || undefined;
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: tz });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: tz });
    const number = new Intl.NumberFormat(locale);
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    return {
      locale,
      dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : ''),
      date: (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : ''),
      number: (n: number) => number.format(n),
      /** "5 minutes ago" style, for lists where recency matters more than the exact time. */
      ago: (iso: string) => {
        const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
        const abs = Math.abs(seconds);
        if (abs < 60) return relative.format(seconds, 'second');
        if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
        if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
        if (abs < 30 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
        return date.format(new Date(iso));
      },
    };
  }, [locale, timeZone]);
}

/**
 * Every IANA zone the browser knows, for time zone pickers, plus the ones already chosen: browsers
 * list canonical names only (Chromium says "Asia/Saigon"), yet a stored "Asia/Ho_Chi_Minh" is just
 * as valid and must show as selected.
 */
export function timeZones(...current: (string | null | undefined)[]): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = new Set(['UTC', ...zones]);
  for (const zone of current) if (zone) all.add(zone);
  return [...all].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}
