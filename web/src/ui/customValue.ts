import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from './format.ts';

/** The field types of PLT-11 custom fields, as the API names them (customers, tickets, type fields alike). */
export type FieldType = 'text' | 'number' | 'date' | 'select' | 'multi-select' | 'checkbox';

/**
 * One custom field value as the text of a list cell (PLT-11), the same in the customer and the ticket
 * list: yes / no, options joined, numbers in the reader's locale. A date field is a calendar day, not an
 * instant, so it is shown as that day in every time zone (never the day before, west of UTC).
 */
export function customValueText(type: FieldType, value: unknown, words: { yes: string; no: string; locale: string }): string {
  if (value === undefined || value === null || value === '') return '';
  if (type === 'checkbox') return value ? words.yes : words.no;
  if (type === 'multi-select' && Array.isArray(value)) return value.join(', ');
  if (type === 'number' && typeof value === 'number') return new Intl.NumberFormat(words.locale).format(value);
  if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Intl.DateTimeFormat(words.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  }
  return String(value);
}

/** customValueText in the reader's language. */
export function useCustomValueText(): (type: FieldType, value: unknown) => string {
  const { t } = useTranslation();
  const { locale } = useFormat();
  return useMemo(() => {
    const words = { yes: t('common.yes'), no: t('common.no'), locale };
    return (type, value) => customValueText(type, value, words);
  }, [t, locale]);
}
