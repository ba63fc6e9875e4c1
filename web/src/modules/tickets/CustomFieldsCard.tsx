import { useTranslation } from 'react-i18next';
import { useCustomFields } from '../customers/customers.api.ts';
import { CustomFieldsForm, fieldErrorsUnder } from './CustomFieldsForm.tsx';
import { EditableFieldsCard } from './EditableFieldsCard.tsx';
import type { TicketDetail } from './tickets.types.ts';

/**
 * Every ticket custom field (PLT-11) for staff, saved together (If-Match). A portal ticket may lack a
 * required field the client could not fill: it shows empty and marked, and staff fill it before
 * resolving (decision 0007).
 */
export function CustomFieldsCard({ ticket, onError }: { ticket: TicketDetail; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const defs = useCustomFields('ticket');
  const fields = (defs.data ?? []).filter((f) => f.active);
  if (!fields.length) return null;
  // An emptied input is sent as null: the server keeps what it is not told to remove.
  const bodyOf = (values: Record<string, unknown>) => {
    const removed = Object.fromEntries(Object.keys(ticket.custom).filter((k) => !(k in values)).map((k) => [k, null]));
    return { custom: { ...values, ...removed } };
  };
  return (
    <EditableFieldsCard
      ticket={ticket}
      stored={ticket.custom}
      title={t('tickets.customFields')}
      hint={t('tickets.customFieldsHint')}
      bodyOf={bodyOf}
      placeErrors={(errors) => fieldErrorsUnder('custom', errors)}
      onError={onError}
    >
      {({ values, setValues, errors }) => <CustomFieldsForm fields={fields} values={values} onChange={setValues} errors={errors} cols={1} />}
    </EditableFieldsCard>
  );
}
