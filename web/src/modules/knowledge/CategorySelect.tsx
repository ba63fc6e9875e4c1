import { Select, type SelectProps, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories } from './knowledge.api.ts';
import { categoryOptions } from './knowledge.helpers.ts';

/** The categories as a select in tree order, children indented under their parent (the chosen value shows plain). */
export function CategorySelect(props: Omit<SelectProps, 'data' | 'renderOption'>) {
  const { i18n } = useTranslation();
  const categories = useCategories();
  const options = useMemo(() => categoryOptions(categories.data?.items ?? [], i18n.language), [categories.data, i18n.language]);
  const depth = useMemo(() => new Map(options.map((o) => [o.value, o.depth])), [options]);
  return (
    <Select
      {...props}
      data={options.map((o) => ({ value: o.value, label: o.label }))}
      renderOption={({ option }) => (
        <Text size="sm" pl={(depth.get(option.value) ?? 0) * 16} fw={depth.get(option.value) ? undefined : 500}>
          {option.label}
        </Text>
      )}
      searchable
      clearable
    />
  );
}

/** A category's name by id, for lists and read-only pages. */
export function useCategoryNames(): Map<string, string> {
  const { i18n } = useTranslation();
  const categories = useCategories();
  return useMemo(() => new Map(categoryOptions(categories.data?.items ?? [], i18n.language).map((o) => [o.value, o.label])), [categories.data, i18n.language]);
}
