import { Button, Group } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconFlame } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../ui/errors.ts';
import { toastError, toastSuccess } from '../../ui/toast.ts';
import { EscalateModal } from '../tickets/EscalateModal.tsx';
import { ticketKey, useChangeStatus } from '../tickets/tickets.api.ts';
import type { TicketDetail, TicketStatus } from '../tickets/tickets.types.ts';

/** What the client may do with the ticket now: close / reopen along the status graph, escalate (priority 4–5). */
export function TicketActions({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const change = useChangeStatus();
  const [escalating, setEscalating] = useState(false);
  // What the server lets this client do now: close / reopen, and escalate (priority 4–5 while open).
  const moves = ticket.allowedTransitions;
  const canEscalate = ticket.canEscalate;
  if (!moves.length && !canEscalate) return null;

  const move = (status: TicketStatus) =>
    change.mutate(
      { ticket, status },
      {
        onSuccess: () => toastSuccess(t(status === 'closed' ? 'portalTickets.actions.closed' : 'portalTickets.actions.reopened', { number: ticket.number })),
        onError: (e) => toastError(errorMessage(t, e)),
      },
    );
  // Someone changed the ticket meanwhile: say so and show the current one.
  const stale = () => {
    toastError(errorMessage(t, new ApiError(412, 'stale_version', '')));
    void queryClient.invalidateQueries({ queryKey: ticketKey(ticket.number) });
  };

  return (
    <Group gap="xs">
      {moves.includes('closed') && (
        <Button color="teal" leftSection={<IconCircleCheck size={16} />} loading={change.isPending && change.variables?.status === 'closed'} onClick={() => move('closed')}>
          {t('portalTickets.actions.close')}
        </Button>
      )}
      {moves.includes('in_progress') && (
        <Button variant="default" leftSection={<IconArrowBackUp size={16} />} loading={change.isPending && change.variables?.status === 'in_progress'} onClick={() => move('in_progress')}>
          {t('portalTickets.actions.reopen')}
        </Button>
      )}
      {canEscalate && (
        <Button variant="light" color="red" leftSection={<IconFlame size={16} />} onClick={() => setEscalating(true)}>
          {t('tickets.escalation.button')}
        </Button>
      )}
      {escalating && <EscalateModal ticket={ticket} audience="client" onClose={() => setEscalating(false)} onStale={stale} />}
    </Group>
  );
}
