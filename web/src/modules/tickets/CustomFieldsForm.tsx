import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CustomFieldInput } from '../customers/CustomFieldInput.tsx';
import type { CustomFieldDefinition } from '../customers/customers.types.ts';
import { fieldLabel } from './fieldLabel.ts';

/**
 * Admin-defined fields as a form (PLT-11 custom fields, TKT-2 type fields): required ones are marked,
 * inactive ones are left out, labels are in the user's language where the field has one, a server
 * refusal shows on its input, and an emptied input is left out of the values. Staff's ticket forms
 * show every ticket field, the portal's only those editable for clients (decision 0007).
 */
export function CustomFieldsForm({ fields, values, onChange, errors = {}, cols = 2 }: {
  fields: CustomFieldDefinition[];
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
  /** Messages by field key (the part after `custom.` / `typeFields.`). */
  errors?: Record<string, string | undefined>;
  cols?: number;
}) {
  const { i18n } = useTranslation();
  const active = fields.filter((f) => f.active);
  if (!active.length) return null;
  const set = (key: string, value: unknown) => {
    const next = { ...values };
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: cols }}>
      {active.map((f) => (
        <CustomFieldInput key={f.key} def={f} label={fieldLabel(f, i18n.language)} value={values[f.key]} onChange={(v) => set(f.key, v)} error={errors[f.key]} />
      ))}
    </SimpleGrid>
  );
}

/** `custom.plan` → {plan: message}: the refusals of a problem+json answer under one prefix. */
export function fieldErrorsUnder(prefix: 'custom' | 'typeFields', errors: { field: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) if (e.field.startsWith(`${prefix}.`)) out[e.field.slice(prefix.length + 1)] = e.message;
  return out;
}

/** The keys of required active fields left empty (a checkbox is never "missing": unticked is false). */
export function missingRequired(fields: CustomFieldDefinition[], values: Record<string, unknown>): string[] {
  return fields
    .filter((f) => f.active && f.required && f.type !== 'checkbox')
    .filter((f) => {
      const v = values[f.key];
      return v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length);
    })
    .map((f) => f.key);
}
