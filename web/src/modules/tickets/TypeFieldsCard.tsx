import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useCan } from '../../app/session.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { typeName, useTicketTypes, useUpdateTicket } from './tickets.api.ts';
import type { TicketDetail } from './tickets.types.ts';
import { TypeFieldsForm, typeFieldErrors } from './TypeFieldsForm.tsx';

/** The type's own fields of a ticket, editable and saved together (If-Match). */
export function TypeFieldsCard({ ticket, onError }: { ticket: TicketDetail; onError: (error: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const types = useTicketTypes();
  const update = useUpdateTicket();
  const type = (types.data ?? []).find((x) => x.id === ticket.type.id);
  const [values, setValues] = useState(ticket.typeFields);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A newer version of the ticket (ours or someone else's) resets the form to what is stored.
  useEffect(() => setValues(ticket.typeFields), [ticket.version, ticket.typeFields]);
  if (!type || !type.fields.some((f) => f.active)) return null;
  const dirty = JSON.stringify(values) !== JSON.stringify(ticket.typeFields);
  const save = () =>
    update.mutate(
      { ticket, body: { typeFields: values } },
      {
        onSuccess: () => (setErrors({}), toastSuccess(t('tickets.saved', { number: ticket.number }))),
        onError: (error) => {
          const placed = error instanceof ApiError ? typeFieldErrors(error.errors) : {};
          setErrors(placed);
          if (!Object.keys(placed).length) onError(error);
        },
      },
    );
  return (
    <Card withBorder radius="md">
      <Title order={5} mb={4}>
        {typeName(type, i18n.language)}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('tickets.typeFieldsHint')}
      </Text>
      <Stack gap="sm">
        <TypeFieldsForm fields={type.fields} values={values} onChange={setValues} errors={errors} cols={1} />
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
