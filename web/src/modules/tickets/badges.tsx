import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowUpRight, IconClock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import type { TicketSla, TicketStatus } from './tickets.types.ts';

const STATUS_COLORS: Record<TicketStatus, string> = { new: 'blue', in_progress: 'violet', waiting_on_customer: 'yellow', resolved: 'teal', closed: 'gray' };
const PRIORITY_COLORS: Record<number, string> = { 1: 'gray', 2: 'blue', 3: 'cyan', 4: 'orange', 5: 'red' };
/** A target closer than this counts as "due soon" in the list (the server's own warning time may differ). */
const DUE_SOON_MS = 60 * 60_000;

/** Who reads the ticket: staff, or the client in the portal (the same words, addressed to them). */
export type Audience = 'staff' | 'client';

/** A status in the reader's words: a client reads "waiting on customer" as waiting for them. */
export function statusLabel(t: TFunction, status: TicketStatus, audience: Audience = 'staff'): string {
  return audience === 'client' && status === 'waiting_on_customer' ? t('tickets.status.waitingForYou') : t(`tickets.status.${status}`);
}

export function TicketStatusBadge({ status, size = 'sm', audience = 'staff' }: { status: TicketStatus; size?: 'xs' | 'sm' | 'md' | 'lg'; audience?: Audience }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} size={size} miw="max-content">
      {statusLabel(t, status, audience)}
    </Badge>
  );
}

export function PriorityBadge({ priority, size = 'sm' }: { priority: number; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={PRIORITY_COLORS[priority] ?? 'gray'} size={size} miw="max-content">
      {t(`tickets.priority.${priority}`)}
    </Badge>
  );
}

export type SlaState = 'breached' | 'due_soon' | 'ok' | 'none';

/** The SLA state of a ticket as the list shows it; closed work has no clock. */
export function slaState(sla: TicketSla, now = Date.now()): { state: SlaState; due: string | null } {
  if (!sla.running) return { state: sla.breached ? 'breached' : 'none', due: null };
  if (sla.breached || sla.firstResponseBreachedAt || sla.resolutionBreachedAt) return { state: 'breached', due: null };
  const due = [sla.firstResponseDueAt, sla.resolutionDueAt].filter((d): d is string => !!d).sort()[0] ?? null;
  if (!due) return { state: 'none', due: null };
  const left = new Date(due).getTime() - now;
  if (left < 0) return { state: 'breached', due };
  return { state: left < DUE_SOON_MS ? 'due_soon' : 'ok', due };
}

export function SlaBadge({ sla }: { sla: TicketSla }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { state, due } = slaState(sla);
  if (state === 'none') return null;
  const color = state === 'breached' ? 'red' : state === 'due_soon' ? 'orange' : 'teal';
  const badge = (
    <Badge variant={state === 'breached' ? 'filled' : 'light'} color={color} size="sm" miw="max-content" leftSection={state === 'breached' ? <IconAlertTriangle size={12} /> : <IconClock size={12} />}>
      {t(`tickets.sla.${state}`)}
    </Badge>
  );
  return due ? <Tooltip label={t('tickets.sla.dueAt', { date: format.dateTime(due) })}>{badge}</Tooltip> : badge;
}

export function EscalationBadge({ level }: { level: number }) {
  const { t } = useTranslation();
  if (!level) return null;
  return (
    <Badge variant="light" color="red" size="sm" miw="max-content" leftSection={<IconArrowUpRight size={12} />}>
      {t('tickets.escalation.level', { n: level })}
    </Badge>
  );
}
