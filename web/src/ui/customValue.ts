import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from './format.ts';

/** The field types of PLT-11 custom fields, as the API names them (customers, tickets, type fields alike). */
type FieldType = 'text' | 'number' | 'date' | 'select' | 'multi-select' | 'checkbox';

/**
 * One custom field value as the text of a list cell (PLT-11), the same in the customer and the ticket
 * list: yes / no, options joined, numbers and dates in the reader's language. A date field is a
 * calendar day, not an instant, so it is shown as that day in every time zone (never the day before).
 */
export function useCustomValueText(): (type: FieldType, value: unknown) => string {
  const { t } = useTranslation();
  const { locale, number } = useFormat();
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return (type, value) => {
      if (value === undefined || value === null || value === '') return '';
      if (type === 'checkbox') return value ? t('common.yes') : t('common.no');
      if (type === 'multi-select' && Array.isArray(value)) return value.join(', ');
      if (type === 'number' && typeof value === 'number') return number(value);
      if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return day.format(new Date(`${value}T00:00:00Z`));
      return String(value);
    };
  }, [t, locale, number]);
}
