import { ActionIcon, Badge, Box, Card, Divider, Group, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useMe } from '../../app/session.tsx';
import { type Activity, fromLocalInput, toLocalInput, useMyCalendar } from './activities.api.ts';
import { ActivityRow } from './ActivityRow.tsx';
import { TYPE_COLORS } from './ActivityTypeIcon.tsx';
import { CompleteActivityModal } from './CompleteActivityModal.tsx';
import classes from './ActivityCalendar.module.css';

const pad = (n: number) => String(n).padStart(2, '0');
/** A grid cell's calendar date as YYYY-MM-DD (cells are plain dates, not instants). */
const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The weeks (Monday first) covering a month, as dates in the browser's time zone. */
function monthGrid(year: number, month: number): Date[] {
  const first = new Date(year, month, 1);
  const start = new Date(year, month, 1 - ((first.getDay() + 6) % 7));
  const days: Date[] = [];
  for (let d = new Date(start); days.length < 42; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) days.push(d);
  // Drop a sixth week that lies wholly in the next month.
  return days[35].getMonth() !== month ? days.slice(0, 35) : days;
}

/** A month of my activities in my time zone; a day's list opens below the grid. */
export function ActivityCalendar() {
  const { t } = useTranslation();
  const format = useFormat();
  const { timeZone } = useMe();
  const todayKey = toLocalInput(new Date(), timeZone).slice(0, 10);
  const now = new Date(`${todayKey}T12:00:00`);
  const [cursor, setCursor] = useState({ year: now.getFullYear(), month: now.getMonth() });
  const [selected, setSelected] = useState<string>(dayKey(now));
  const [completing, setCompleting] = useState<Activity | null>(null);
  const days = useMemo(() => monthGrid(cursor.year, cursor.month), [cursor]);
  // The window's edges are midnights in my time zone.
  const from = fromLocalInput(`${dayKey(days[0])}T00:00`, timeZone)!;
  const last = days[days.length - 1];
  const to = fromLocalInput(`${dayKey(new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1))}T00:00`, timeZone)!;
  const list = useMyCalendar(from, to);

  const byDay = useMemo(() => {
    const map = new Map<string, Activity[]>();
    for (const a of list.data ?? []) {
      const k = toLocalInput(a.startAt, timeZone).slice(0, 10);
      map.set(k, [...(map.get(k) ?? []), a]);
    }
    return map;
  }, [list.data]);

  const monthName = new Intl.DateTimeFormat(format.locale, { month: 'long', year: 'numeric' }).format(new Date(cursor.year, cursor.month, 1));
  const weekday = new Intl.DateTimeFormat(format.locale, { weekday: 'short' });
  const time = new Intl.DateTimeFormat(format.locale, { hour: '2-digit', minute: '2-digit', timeZone });
  const move = (delta: number) => setCursor((c) => ({ year: c.year + Math.floor((c.month + delta) / 12), month: (((c.month + delta) % 12) + 12) % 12 }));
  const dayItems = byDay.get(selected) ?? [];

  return (
    <Stack>
      <Card withBorder radius="md" padding="sm">
        <Group justify="space-between" mb="sm">
          <ActionIcon variant="subtle" onClick={() => move(-1)} aria-label={t('activities.previousMonth')}>
            <IconChevronLeft size={18} />
          </ActionIcon>
          <Title order={4} style={{ textTransform: 'capitalize' }}>
            {monthName}
          </Title>
          <ActionIcon variant="subtle" onClick={() => move(1)} aria-label={t('activities.nextMonth')}>
            <IconChevronRight size={18} />
          </ActionIcon>
        </Group>
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
          {days.slice(0, 7).map((d) => (
            <Text key={d.toISOString()} size="xs" c="dimmed" ta="center" fw={600}>
              {weekday.format(d)}
            </Text>
          ))}
          {days.map((d) => {
            const k = dayKey(d);
            const items = byDay.get(k) ?? [];
            return (
              <UnstyledButton
                key={k}
                className={classes.day}
                data-outside={d.getMonth() !== cursor.month || undefined}
                data-today={k === todayKey || undefined}
                data-selected={k === selected || undefined}
                onClick={() => setSelected(k)}
                aria-label={`${format.date(`${k}T12:00:00Z`)}: ${t('activities.count', { n: items.length })}`}
              >
                <Text size="xs" fw={k === todayKey ? 700 : 400}>
                  {d.getDate()}
                </Text>
                {items.slice(0, 3).map((a) => (
                  <Group key={a.id} gap={4} wrap="nowrap" className={classes.entry}>
                    <Box className={classes.dot} bg={TYPE_COLORS[a.type]} />
                    <Text size="xs" truncate td={a.status === 'COMPLETED' ? 'line-through' : undefined}>
                      {a.allDay ? '' : `${time.format(new Date(a.startAt))} `}
                      {a.subject}
                    </Text>
                  </Group>
                ))}
                {items.length > 3 && (
                  <Badge size="xs" variant="light" color="gray">
                    {t('activities.more', { n: items.length - 3 })}
                  </Badge>
                )}
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
        {list.isPending && <SectionLoader />}
      </Card>
      <Card withBorder radius="md">
        <Title order={5} mb="xs">
          {format.date(`${selected}T12:00:00Z`)}
        </Title>
        {dayItems.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('activities.dayEmpty')}
          </Text>
        )}
        {dayItems.map((a, i) => (
          <Fragment key={a.id}>
            {i > 0 && <Divider />}
            <ActivityRow activity={a} onComplete={setCompleting} />
          </Fragment>
        ))}
      </Card>
      {completing && <CompleteActivityModal activity={completing} onClose={() => setCompleting(null)} />}
    </Stack>
  );
}
