import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { FormError } from '../../ui/QueryError.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { useForm } from '../../ui/useForm.ts';
import type { Audience } from './badges.tsx';
import { useEscalateTicket } from './tickets.api.ts';
import type { TicketDetail } from './tickets.types.ts';
import { FormActions } from '../../ui/FormActions.tsx';

/**
 * TKT-7: escalate a high or very high priority ticket, with the reason the next level reads. Staff
 * and the client portal (contract item 1) share it; the client is told what escalating does.
 * `onStale`: someone changed the ticket meanwhile (412), nothing was escalated.
 */
export function EscalateModal({ ticket, onClose, onStale, audience = 'staff' }: { ticket: TicketDetail; onClose: () => void; onStale: () => void; audience?: Audience }) {
  const { t } = useTranslation();
  const escalate = useEscalateTicket();
  const form = useForm({ reason: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.values.reason.trim()) return form.setFieldError('reason', t('validation.required'));
    escalate.mutate(
      { ticket, reason: form.values.reason.trim() },
      {
        onSuccess: (next) => (toastSuccess(t('tickets.escalation.done', { number: next.number, n: next.escalationLevel })), onClose()),
        onError: (error) => (error instanceof ApiError && error.status === 412 ? (onClose(), onStale()) : form.applyError(error)),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('tickets.escalation.title', { number: ticket.number })} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {audience === 'client' ? t('tickets.escalation.clientHint') : t('tickets.escalation.hint', { n: ticket.escalationLevel + 1 })}
          </Text>
          <FormError message={form.formError} />
          <Textarea label={t('tickets.escalation.reason')} required autosize minRows={3} maxLength={1000} data-autofocus {...form.text('reason')} />
          <FormActions onCancel={onClose} busy={escalate.isPending} label={t('tickets.escalation.submit')} color="red" />
        </Stack>
      </form>
    </Modal>
  );
}
