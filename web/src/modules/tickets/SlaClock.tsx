import { Card, Group, Rating, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconClock, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import type { TicketDetail } from './tickets.types.ts';

/** "2 h 15 min" / "3 d 4 h": the time between now and a target, coarse enough to read at a glance. */
export function duration(ms: number, t: (key: string, vars?: Record<string, number>) => string): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days) return t('tickets.sla.daysHours', { d: days, h: hours });
  if (hours) return t('tickets.sla.hoursMinutes', { h: hours, m: mins });
  return t('tickets.sla.minutes', { m: mins });
}

/** Re-render once a minute so "time left" keeps moving while the page is open. */
function useNow() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Target({ label, due, breachedAt, metAt, running }: { label: string; due: string | null; breachedAt: string | null; metAt: string | null; running: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  if (!due) {
    return (
      <div>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" c="dimmed">
          {t('tickets.sla.noTarget')}
        </Text>
      </div>
    );
  }
  const left = new Date(due).getTime() - now;
  const breached = !!breachedAt || (running && !metAt && left < 0);
  const color = breached ? 'red' : metAt ? 'teal' : left < 3_600_000 ? 'orange' : undefined;
  const Icon = breached ? IconAlertTriangle : metAt ? IconCircleCheck : IconClock;
  let status: string;
  if (metAt && !breached) status = t('tickets.sla.met', { date: format.dateTime(metAt) });
  else if (breached) status = t('tickets.sla.breachedBy', { time: duration(now - new Date(due).getTime(), t) });
  else if (!running) status = t('tickets.sla.stopped');
  else status = t('tickets.sla.left', { time: duration(left, t) });
  return (
    <div data-breached={breached || undefined}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap={6} wrap="nowrap">
        <Icon size={16} color={color ? `var(--mantine-color-${color}-6)` : undefined} />
        <Text size="sm" c={color ? `${color}.7` : undefined} fw={breached ? 700 : undefined}>
          {status}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('tickets.sla.dueAt', { date: format.dateTime(due) })}
      </Text>
    </div>
  );
}

/** TKT-9 clock: first response and resolution targets, time left or how late, red when breached. */
export function SlaClock({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const running = ticket.sla.running;
  return (
    <Card withBorder radius="md" aria-label={t('tickets.sla.title')}>
      <Title order={5} mb="sm">
        {t('tickets.sla.title')}
      </Title>
      <Stack gap="sm">
        <Target label={t('tickets.sla.firstResponse')} due={ticket.sla.firstResponseDueAt} breachedAt={ticket.sla.firstResponseBreachedAt} metAt={ticket.firstResponseAt} running={running} />
        <Target label={t('tickets.sla.resolution')} due={ticket.sla.resolutionDueAt} breachedAt={ticket.sla.resolutionBreachedAt} metAt={ticket.resolvedAt} running={running} />
      </Stack>
    </Card>
  );
}

/** TKT-12: the client's rating, once given (read-only for staff). */
export function SatisfactionView({ satisfaction }: { satisfaction: TicketDetail['satisfaction'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!satisfaction) return null;
  return (
    <Card withBorder radius="md">
      <Title order={5} mb="xs">
        {t('tickets.satisfaction.title')}
      </Title>
      <Group gap="xs">
        <Rating value={satisfaction.rating} readOnly aria-label={t('tickets.satisfaction.rated', { n: satisfaction.rating })} />
        <Text size="sm">{t('tickets.satisfaction.rated', { n: satisfaction.rating })}</Text>
      </Group>
      {satisfaction.comment && (
        <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {satisfaction.comment}
        </Text>
      )}
      {satisfaction.ratedAt && (
        <Text size="xs" c="dimmed" mt={4}>
          {format.dateTime(satisfaction.ratedAt)}
        </Text>
      )}
    </Card>
  );
}
