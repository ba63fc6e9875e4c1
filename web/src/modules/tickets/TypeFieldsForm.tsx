import type { CustomFieldDefinition } from '../customers/customers.types.ts';
import { CustomFieldsForm, fieldErrorsUnder } from './CustomFieldsForm.tsx';
import type { TypeField } from './tickets.types.ts';

/** A type field in the shape CustomFieldInput renders (it needs only key, type, options, required). */
function asDefinition(field: TypeField): CustomFieldDefinition {
  return { ...field, id: field.key, entity: 'ticket', labels: field.labels ?? {}, clientAccess: 'editable', position: 0, version: 0 };
}

/**
 * The extra fields of a ticket type (TKT-2), generated from the type's `fields` with the custom
 * fields' renderer. Staff's new-ticket and ticket forms and the portal's ticket form all use it.
 */
export function TypeFieldsForm({ fields, ...rest }: {
  fields: TypeField[];
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
  /** Messages by field key (the part after `typeFields.`). */
  errors?: Record<string, string | undefined>;
  cols?: number;
}) {
  return <CustomFieldsForm fields={fields.map(asDefinition)} {...rest} />;
}

/** `typeFields.system` → {system: message}: the type-field refusals of a problem+json answer. */
export function typeFieldErrors(errors: { field: string; message: string }[]): Record<string, string> {
  return fieldErrorsUnder('typeFields', errors);
}
