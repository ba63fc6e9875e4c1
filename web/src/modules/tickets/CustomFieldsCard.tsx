import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useCan } from '../../app/session.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { useCustomFields } from '../customers/customers.api.ts';
import { CustomFieldsForm, fieldErrorsUnder } from './CustomFieldsForm.tsx';
import { useUpdateTicket } from './tickets.api.ts';
import type { TicketDetail } from './tickets.types.ts';

/**
 * Every ticket custom field (PLT-11) for staff, saved together (If-Match). A portal ticket may lack a
 * required field the client could not fill: it shows empty and marked, and staff fill it before
 * resolving (decision 0007).
 */
export function CustomFieldsCard({ ticket, onError }: { ticket: TicketDetail; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const defs = useCustomFields('ticket');
  const update = useUpdateTicket();
  const [values, setValues] = useState(ticket.custom);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => setValues(ticket.custom), [ticket.version, ticket.custom]);
  const fields = (defs.data ?? []).filter((f) => f.active);
  if (!fields.length) return null;
  const dirty = JSON.stringify(values) !== JSON.stringify(ticket.custom);
  // An emptied input is sent as null: the server keeps what it is not told to remove.
  const removed = Object.fromEntries(Object.keys(ticket.custom).filter((k) => !(k in values)).map((k) => [k, null]));
  const save = () =>
    update.mutate(
      { ticket, body: { custom: { ...values, ...removed } } },
      {
        onSuccess: () => (setErrors({}), toastSuccess(t('tickets.saved', { number: ticket.number }))),
        onError: (error) => {
          const placed = error instanceof ApiError ? fieldErrorsUnder('custom', error.errors) : {};
          setErrors(placed);
          if (!Object.keys(placed).length) onError(error);
        },
      },
    );
  return (
    <Card withBorder radius="md">
      <Title order={5} mb={4}>
        {t('tickets.customFields')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('tickets.customFieldsHint')}
      </Text>
      <Stack gap="sm">
        <CustomFieldsForm fields={fields} values={values} onChange={setValues} errors={errors} cols={1} />
        {can('tickets.write') && (
          <Group justify="flex-end">
            <Button size="xs" variant="light" disabled={!dirty} loading={update.isPending} onClick={save}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
