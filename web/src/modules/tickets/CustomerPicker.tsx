import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMERS_KEY, fetchCustomer, useCustomerSearch } from '../customers/customers.api.ts';

/**
 * Pick a customer by typing a name, number, phone or e-mail (the customers list search, scoped by
 * the server). The chosen customer stays labelled even when it is not among the current results.
 */
export function CustomerPicker({ value, onChange, label, placeholder, error, required, w, clearable = true, withinPortal = true }: {
  value: string | null;
  onChange: (id: string | null) => void;
  label?: string;
  placeholder?: string;
  error?: string;
  required?: boolean;
  w?: number | string | Record<string, number | string>;
  clearable?: boolean;
  /** false inside a popover, so picking an option does not count as a click outside it. */
  withinPortal?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const results = useCustomerSearch(debounced);
  const selected = useQuery({
    queryKey: [...CUSTOMERS_KEY, 'detail', value],
    queryFn: () => fetchCustomer(value!),
    enabled: !!value,
    staleTime: 5 * 60_000,
  });
  const data = useMemo(() => {
    const options = (results.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} · ${c.number}` }));
    if (value && selected.data && !options.some((o) => o.value === value)) options.unshift({ value, label: `${selected.data.name} · ${selected.data.number}` });
    return options;
  }, [results.data, selected.data, value]);
  return (
    <Select
      label={label}
      aria-label={label ? undefined : t('tickets.fields.customer')}
      placeholder={placeholder ?? t('tickets.customerSearch')}
      data={data}
      value={value}
      onChange={(id) => onChange(id)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      clearable={clearable}
      required={required}
      error={error}
      nothingFoundMessage={debounced.length >= 2 ? t('common.nothingFound') : t('tickets.customerSearchHint')}
      w={w}
      comboboxProps={{ withinPortal }}
    />
  );
}
