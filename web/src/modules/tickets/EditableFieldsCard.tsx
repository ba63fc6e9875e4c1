import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../../api/client.ts';
import { useCan } from '../../app/session.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { useUpdateTicket } from './tickets.api.ts';
import type { TicketDetail } from './tickets.types.ts';

type Values = Record<string, unknown>;

export interface FieldsEditor {
  values: Values;
  setValues: (values: Values) => void;
  errors: Record<string, string>;
}

/**
 * A card of a ticket's extra fields (its type's, or the custom ones), edited together and saved in one
 * PATCH (If-Match): the refused fields land on their inputs, anything else goes to `onError`.
 */
export function EditableFieldsCard({
  ticket,
  stored,
  title,
  hint,
  bodyOf,
  placeErrors,
  onError,
  children,
}: {
  ticket: TicketDetail;
  stored: Values;
  title: string;
  hint: string;
  bodyOf: (values: Values) => Record<string, unknown>;
  placeErrors: (errors: FieldError[]) => Record<string, string>;
  onError: (error: unknown) => void;
  children: (editor: FieldsEditor) => ReactNode;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const update = useUpdateTicket();
  const [values, setValues] = useState(stored);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A newer version of the ticket (ours or someone else's) resets the form to what is stored.
  useEffect(() => setValues(stored), [ticket.version, stored]);
  const dirty = JSON.stringify(values) !== JSON.stringify(stored);
  const save = () =>
    update.mutate(
      { ticket, body: bodyOf(values) },
      {
        onSuccess: () => (setErrors({}), toastSuccess(t('tickets.saved', { number: ticket.number }))),
        onError: (error) => {
          const placed = error instanceof ApiError ? placeErrors(error.errors) : {};
          setErrors(placed);
          if (!Object.keys(placed).length) onError(error);
        },
      },
    );
  return (
    <Card withBorder radius="md">
      <Title order={5} mb={4}>
        {title}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {hint}
      </Text>
      <Stack gap="sm">
        {children({ values, setValues, errors })}
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
