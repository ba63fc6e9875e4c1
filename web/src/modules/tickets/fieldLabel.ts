import type { TypeField } from './tickets.types.ts';

/**
 * A type field's label in the user's language when the field carries `labels` ({en,vi,bg,zh});
 * otherwise, or for a language it has no text in, the field's `label`. i18next may report a
 * regional tag ("vi-VN"), so the base language is tried too.
 */
export function fieldLabel(field: Pick<TypeField, 'label' | 'labels'>, language: string): string {
  const labels = field.labels ?? {};
  return labels[language]?.trim() || labels[language.split('-')[0]]?.trim() || field.label;
}
