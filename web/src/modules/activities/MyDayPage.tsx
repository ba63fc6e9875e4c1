import { Button, Card, Divider, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconCalendarCheck, IconPlus } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useFormat } from '../../ui/format.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { type Activity, useMyDay } from './activities.api.ts';
import { ActivityCalendar } from './ActivityCalendar.tsx';
import { ActivityRow } from './ActivityRow.tsx';
import { CompleteActivityModal } from './CompleteActivityModal.tsx';
import { LogActivityModal } from './LogActivityModal.tsx';

function Section({ title, items, onComplete }: { title: string; items: Activity[]; onComplete: (a: Activity) => void }) {
  if (!items.length) return null;
  return (
    <Card withBorder radius="md">
      <Title order={5} mb="xs">
        {title}
      </Title>
      <Stack gap={0}>
        {items.map((a, i) => (
          <Fragment key={a.id}>
            {i > 0 && <Divider />}
            <ActivityRow activity={a} onComplete={onComplete} />
          </Fragment>
        ))}
      </Stack>
    </Card>
  );
}

function DayList() {
  const { t } = useTranslation();
  const format = useFormat();
  const day = useMyDay();
  const [completing, setCompleting] = useState<Activity | null>(null);
  if (day.isPending) return <SectionLoader />;
  if (day.isError) return <QueryError error={day.error} onRetry={() => void day.refetch()} />;
  const overdue = day.data.items.filter((a) => a.overdue);
  const today = day.data.items.filter((a) => !a.overdue);
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        {format.date(`${day.data.date}T12:00:00Z`)}
      </Text>
      {!day.data.items.length && <EmptyState icon={IconCalendarCheck} title={t('activities.myDayEmpty')} description={t('activities.myDayEmptyHint')} />}
      <Section title={t('activities.overdueTitle', { n: overdue.length })} items={overdue} onComplete={setCompleting} />
      <Section title={t('activities.todayTitle', { n: today.length })} items={today} onComplete={setCompleting} />
      {completing && <CompleteActivityModal activity={completing} onClose={() => setCompleting(null)} />}
    </Stack>
  );
}

/** SAL-6 "my day" (overdue first, then today) and a month calendar of my activities. */
export default function MyDayPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [view, setView] = useState<'day' | 'month'>('day');
  const [planning, setPlanning] = useState(false);
  return (
    <>
      <PageHeader
        title={t('activities.title')}
        description={t('activities.subtitle')}
        actions={
          <>
            <SegmentedControl
              value={view}
              onChange={(v) => setView(v as 'day' | 'month')}
              data={[
                { value: 'day', label: t('activities.myDay') },
                { value: 'month', label: t('activities.calendar') },
              ]}
            />
            {can('activities.write') && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setPlanning(true)}>
                {t('activities.plan')}
              </Button>
            )}
          </>
        }
      />
      {view === 'day' ? <DayList /> : <ActivityCalendar />}
      {planning && <LogActivityModal customer={null} onClose={() => setPlanning(false)} />}
    </>
  );
}
