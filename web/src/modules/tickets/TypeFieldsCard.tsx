import { useTranslation } from 'react-i18next';
import { EditableFieldsCard } from './EditableFieldsCard.tsx';
import { typeName, useTicketTypes } from './tickets.api.ts';
import type { TicketDetail } from './tickets.types.ts';
import { TypeFieldsForm, typeFieldErrors } from './TypeFieldsForm.tsx';

/** The type's own fields of a ticket, editable and saved together (If-Match). */
export function TypeFieldsCard({ ticket, onError }: { ticket: TicketDetail; onError: (error: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const types = useTicketTypes();
  const type = (types.data ?? []).find((x) => x.id === ticket.type.id);
  if (!type || !type.fields.some((f) => f.active)) return null;
  return (
    <EditableFieldsCard
      ticket={ticket}
      stored={ticket.typeFields}
      title={typeName(type, i18n.language)}
      hint={t('tickets.typeFieldsHint')}
      bodyOf={(values) => ({ typeFields: values })}
      placeErrors={typeFieldErrors}
      onError={onError}
    >
      {({ values, setValues, errors }) => <TypeFieldsForm fields={type.fields} values={values} onChange={setValues} errors={errors} cols={1} />}
    </EditableFieldsCard>
  );
}
