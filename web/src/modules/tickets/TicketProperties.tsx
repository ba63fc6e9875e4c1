import { Anchor, Button, Card, Group, Select, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan, useMe } from '../../app/session.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { useStaffOptions } from '../identity/org.api.ts';
import { useAssignTicket, useChangeStatus, useTicketComponents, useUpdateTicket } from './tickets.api.ts';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, type TicketDetail, type TicketStatus } from './tickets.types.ts';
import { CustomFieldsCard } from './CustomFieldsCard.tsx';
import { TypeFieldsCard } from './TypeFieldsCard.tsx';

/** datetime-local value of an ISO instant, in the browser's zone (what the input shows and reads). */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The ticket's working fields. Each change is its own write with the ticket's version (If-Match);
 * `onError` gets refusals (the page turns a 412 into the stale notice).
 */
export function TicketProperties({ ticket, onError }: { ticket: TicketDetail; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const writable = can('tickets.write');
  const assignable = can('tickets.assign');
  const status = useChangeStatus();
  const update = useUpdateTicket();
  const assign = useAssignTicket();
  const components = useTicketComponents();
  const staff = useStaffOptions();
  const busy = status.isPending || update.isPending || assign.isPending;
  const saved = () => toastSuccess(t('tickets.saved', { number: ticket.number }));

  const patch = (body: Record<string, unknown>) => update.mutate({ ticket, body }, { onSuccess: saved, onError });
  const move = (body: { processorId?: string | null; componentId?: string | null }) => assign.mutate({ ticket, body }, { onSuccess: saved, onError });

  const processors = useMemo(() => {
    const options = new Map<string, string>();
    const component = (components.data ?? []).find((c) => c.id === ticket.component?.id);
    for (const s of component?.staff ?? []) options.set(s.id, s.name);
    for (const s of staff.data ?? []) if (s.active) options.set(s.value, s.label);
    if (ticket.processor) options.set(ticket.processor.id, ticket.processor.name);
    return [...options].map(([value, label]) => ({ value, label }));
  }, [components.data, staff.data, ticket.component?.id, ticket.processor]);

  // The moves this reader may make now, as the server allows them.
  const next = ticket.allowedTransitions;
  return (
    <Stack gap="md">
      <Card withBorder radius="md">
        <Title order={5} mb="sm">
          {t('tickets.properties.title')}
        </Title>
        <Stack gap="sm">
          <Select
            label={t('tickets.fields.status')}
            description={t('tickets.statusHint')}
            data={[ticket.status, ...next].map((s) => ({ value: s, label: s === ticket.status ? t(`tickets.status.${s}`) : t('tickets.moveTo', { status: t(`tickets.status.${s}`) }) }))}
            value={ticket.status}
            onChange={(s) => s && s !== ticket.status && status.mutate({ ticket, status: s as TicketStatus }, { onSuccess: saved, onError })}
            allowDeselect={false}
            disabled={!writable || busy}
          />
          <Select
            label={t('tickets.fields.priority')}
            data={TICKET_PRIORITIES.map((p) => ({ value: String(p), label: t(`tickets.priority.${p}`) }))}
            value={String(ticket.priority)}
            onChange={(p) => p && Number(p) !== ticket.priority && patch({ priority: Number(p) })}
            allowDeselect={false}
            disabled={!writable || busy}
          />
          <Select
            label={t('tickets.fields.category')}
            data={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(`tickets.category.${c}`) }))}
            value={ticket.category}
            onChange={(c) => c && c !== ticket.category && patch({ category: c })}
            allowDeselect={false}
            disabled={!writable || busy}
          />
          <Select
            label={t('tickets.fields.component')}
            data={(components.data ?? []).filter((c) => c.active || c.id === ticket.component?.id).map((c) => ({ value: c.id, label: c.name }))}
            value={ticket.component?.id ?? null}
            onChange={(id) => id !== (ticket.component?.id ?? null) && move({ componentId: id })}
            clearable
            disabled={!assignable || busy}
          />
          <div>
            <Select
              label={t('tickets.fields.processor')}
              placeholder={t('tickets.unassigned')}
              data={processors}
              value={ticket.processor?.id ?? null}
              onChange={(id) => id !== (ticket.processor?.id ?? null) && move({ processorId: id })}
              searchable
              clearable
              disabled={!assignable || busy}
            />
            {assignable && ticket.processor?.id !== me.id && (
              <Button variant="subtle" size="compact-xs" mt={4} leftSection={<IconUserCheck size={14} />} onClick={() => move({ processorId: me.id })} disabled={busy}>
                {t('tickets.assignToMe')}
              </Button>
            )}
          </div>
          <TagsInput
            label={t('tickets.fields.tags')}
            value={ticket.tags}
            onChange={(tags) => patch({ tags })}
            disabled={!writable || busy}
            clearable
          />
          <TextInput
            label={t('tickets.properties.campaign')}
            description={t('tickets.properties.campaignHint')}
            defaultValue={ticket.campaignRef ?? ''}
            key={`${ticket.version}-campaign`}
            maxLength={100}
            onBlur={(e) => {
              const value = e.currentTarget.value.trim() || null;
              if (value !== ticket.campaignRef) patch({ campaignRef: value });
            }}
            disabled={!writable || busy}
          />
          <TagsInput
            label={t('tickets.properties.productInterest')}
            description={t('tickets.properties.productInterestHint')}
            value={ticket.productInterest}
            onChange={(productInterest) => patch({ productInterest })}
            maxTags={20}
            disabled={!writable || busy}
            clearable
          />
          <TextInput
            type="datetime-local"
            label={t('tickets.fields.followUpAt')}
            description={t('tickets.followUpHint')}
            defaultValue={toLocalInput(ticket.followUpAt)}
            key={`${ticket.version}-follow-up`}
            onBlur={(e) => {
              const value = e.currentTarget.value;
              const iso = value ? new Date(value).toISOString() : null;
              if (iso !== (ticket.followUpAt ? new Date(ticket.followUpAt).toISOString() : null)) patch({ followUpAt: iso });
            }}
            disabled={!writable || busy}
          />
          <div>
            <Text size="sm" fw={500}>
              {t('tickets.fields.customer')}
            </Text>
            <Anchor component={Link} to={`/customers/${ticket.customer.number}`} size="sm">
              {ticket.customer.name}
            </Anchor>
            <Text size="xs" c="dimmed" ff="monospace">
              {ticket.customer.number}
            </Text>
          </div>
          {(ticket.contact.name || ticket.contact.email || ticket.contact.phone) && (
            <div>
              <Text size="sm" fw={500}>
                {t('tickets.fields.contact')}
              </Text>
              <Group gap={4}>
                <Text size="sm">{[ticket.contact.name, ticket.contact.email, ticket.contact.phone].filter(Boolean).join(' · ')}</Text>
              </Group>
            </div>
          )}
        </Stack>
      </Card>
      <TypeFieldsCard ticket={ticket} onError={onError} />
      <CustomFieldsCard ticket={ticket} onError={onError} />
    </Stack>
  );
}
