import { Checkbox, MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDefinition } from './customers.types.ts';

/**
 * One admin-defined field rendered by its type (PLT-11). In a form a checkbox is a checkbox; as a
 * filter it is yes / no / any, and a multi-select means "has all of these".
 */
export function CustomFieldInput({ def, label, value, onChange, error, mode = 'form' }: {
  def: CustomFieldDefinition;
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
  mode?: 'form' | 'filter';
}) {
  const { t } = useTranslation();
  const required = mode === 'form' && def.required;
  // Inside the filter popover the option list must stay in it: a portal would count as a click outside.
  const comboboxProps = mode === 'filter' ? { withinPortal: false } : undefined;
  switch (def.type) {
    case 'text':
      return <TextInput label={label} required={required} error={error} value={(value as string) ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)} />;
    case 'number':
      return (
        <NumberInput
          label={label}
          required={required}
          error={error}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? null : Number(v))}
        />
      );
    case 'date':
      return <TextInput type="date" label={label} required={required} error={error} value={(value as string) ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)} />;
    case 'select':
      return <Select label={label} required={required} error={error} data={def.options} value={(value as string) ?? null} onChange={(v) => onChange(v)} clearable comboboxProps={comboboxProps} />;
    case 'multi-select':
      return <MultiSelect label={label} required={required} error={error} data={def.options} value={(value as string[]) ?? []} onChange={(v) => onChange(v)} clearable comboboxProps={comboboxProps} />;
    case 'checkbox':
      if (mode === 'filter') {
        return (
          <Select
            label={label}
            data={[
              { value: 'true', label: t('customers.yes') },
              { value: 'false', label: t('customers.no') },
            ]}
            value={value === true ? 'true' : value === false ? 'false' : null}
            onChange={(v) => onChange(v === null ? null : v === 'true')}
            clearable
            comboboxProps={comboboxProps}
          />
        );
      }
      return <Checkbox label={label} error={error} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} mt="xs" />;
  }
}
