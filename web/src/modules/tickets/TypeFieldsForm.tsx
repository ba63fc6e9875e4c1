import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CustomFieldInput } from '../customers/CustomFieldInput.tsx';
import type { CustomFieldDefinition } from '../customers/customers.types.ts';
import { fieldLabel } from './fieldLabel.ts';
import type { TypeField } from './tickets.types.ts';

/** A type field in the shape CustomFieldInput renders (it needs only key, type, options, required). */
function asDefinition(field: TypeField): CustomFieldDefinition {
  return { ...field, id: field.key, entity: 'ticket', labels: {}, position: 0, version: 0 };
}

/**
 * The extra fields of a ticket type (TKT-2), generated from the type's `fields`: required ones are
 * marked, inactive ones are left out, labels are in the user's language where the field has one,
 * and a server refusal `typeFields.<key>` shows on its input. Staff's new-ticket and ticket forms
 * and the portal's ticket form all use it; an emptied input is left out of the values.
 */
export function TypeFieldsForm({ fields, values, onChange, errors = {}, cols = 2 }: {
  fields: TypeField[];
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
  /** Messages by field key (the part after `typeFields.`). */
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
        <CustomFieldInput key={f.key} def={asDefinition(f)} label={fieldLabel(f, i18n.language)} value={values[f.key]} onChange={(v) => set(f.key, v)} error={errors[f.key]} />
      ))}
    </SimpleGrid>
  );
}

/** `typeFields.system` → {system: message}: the type-field refusals of a problem+json answer. */
export function typeFieldErrors(errors: { field: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) if (e.field.startsWith('typeFields.')) out[e.field.slice('typeFields.'.length)] = e.message;
  return out;
}
