import { Anchor, Badge, Breadcrumbs, Button, Card, Grid, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarOff, IconCheck } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useCan } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useFormat } from '../../ui/format.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { type Activity, SYSTEM_SUBJECTS, useActivity } from './activities.api.ts';
import { STATUS_COLORS } from './ActivityRow.tsx';
import { ActivityTypeIcon, TYPE_COLORS } from './ActivityTypeIcon.tsx';
import { CompleteActivityModal } from './CompleteActivityModal.tsx';

/** One labelled value; nothing when there is no value. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** A long text (description, next steps) as typed, line breaks kept. */
function Paragraph({ label, text }: { label: string; text: string | null }) {
  if (!text) return null;
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
    </Stack>
  );
}

/** SAL-6: one activity, where a reminder links to (`/activities/:id`). */
export default function ActivityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const activity = useActivity(id);
  if (activity.isPending) return <SectionLoader />;
  if (activity.isError) {
    // 404 (missing or not visible) and 400 (not an id) are the same to the reader: there is no such activity.
    const missing = activity.error instanceof ApiError && (activity.error.status === 404 || activity.error.status === 400);
    if (!missing) return <QueryError error={activity.error} onRetry={() => void activity.refetch()} />;
    return (
      <EmptyState
        icon={IconCalendarOff}
        title={t('activities.notFound')}
        description={t('activities.notFoundHint')}
        action={
          <Button component={Link} to="/activities" variant="default">
            {t('activities.backToMyDay')}
          </Button>
        }
      />
    );
  }
  return <ActivityView activity={activity.data} />;
}

function ActivityView({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const [completing, setCompleting] = useState(false);
  const open = a.status === 'PLANNED' || a.status === 'IN_PROGRESS';
  const subject = SYSTEM_SUBJECTS[a.subject] && a.type === 'NOTE' ? t(SYSTEM_SUBJECTS[a.subject]) : a.subject;
  const when = (iso: string | null) => (a.allDay ? format.date(iso) : format.dateTime(iso));
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/activities" size="sm">
          {t('activities.title')}
        </Anchor>
        <Text size="sm">{t(`activities.type.${a.type}`)}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" color={TYPE_COLORS[a.type]} radius="xl" size="xl">
            <ActivityTypeIcon type={a.type} size={22} />
          </ThemeIcon>
          <Stack gap={4}>
            <Title order={2}>{subject}</Title>
            <Group gap={6}>
              <Badge variant="light" color={STATUS_COLORS[a.status]}>
                {t(`activities.status.${a.status}`)}
              </Badge>
              <Badge variant="outline" color="gray">
                {t(`activities.priority.${a.priority}`)}
              </Badge>
              {a.allDay && (
                <Badge variant="outline" color="gray">
                  {t('activities.fields.allDay')}
                </Badge>
              )}
            </Group>
          </Stack>
        </Group>
        {open && can('activities.write') && (
          <Button color="teal" leftSection={<IconCheck size={16} />} onClick={() => setCompleting(true)}>
            {t('activities.complete')}
          </Button>
        )}
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder radius="md">
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Fact label={t('activities.fields.type')}>{t(`activities.type.${a.type}`)}</Fact>
                <Fact label={a.type === 'TASK' ? t('activities.fields.due') : t('activities.fields.startAt')}>{when(a.startAt)}</Fact>
                <Fact label={t('activities.fields.endAt')}>{a.endAt ? when(a.endAt) : null}</Fact>
                <Fact label={t('activities.fields.duration')}>{a.durationMinutes ?? null}</Fact>
                <Fact label={t('activities.fields.followUpAt')}>{a.followUpAt ? format.dateTime(a.followUpAt) : null}</Fact>
                <Fact label={t('activities.fields.completedAt')}>{a.completedAt ? format.dateTime(a.completedAt) : null}</Fact>
              </SimpleGrid>
              <Paragraph label={t('activities.fields.description')} text={a.description} />
              <Paragraph label={t('activities.fields.outcome')} text={a.outcome} />
              <Paragraph label={t('activities.fields.nextSteps')} text={a.nextSteps} />
              {!a.description && !a.outcome && !a.nextSteps && (
                <Text size="sm" c="dimmed">
                  {t('activities.noNotes')}
                </Text>
              )}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder radius="md">
            <Stack gap="sm">
              <Fact label={t('activities.fields.owner')}>{a.owner?.name ?? null}</Fact>
              <Fact label={t('activities.fields.participants')}>{a.participants.length ? a.participants.map((p) => p.name).join(', ') : null}</Fact>
              <Fact label={t('activities.fields.customer')}>
                {a.customer ? (
                  <Anchor component={Link} to={`/customers/${a.customer.number}`} size="sm">
                    {a.customer.name} ({a.customer.number})
                  </Anchor>
                ) : null}
              </Fact>
              <Fact label={t('activities.fields.ticket')}>
                {a.ticketId && can('tickets.read') ? (
                  <Anchor component={Link} to={`/tickets/${a.ticketId}`} size="sm">
                    {t('activities.openTicket')}
                  </Anchor>
                ) : null}
              </Fact>
              <Fact label={t('activities.fields.createdAt')}>{format.dateTime(a.createdAt)}</Fact>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      {completing && <CompleteActivityModal activity={a} onClose={() => setCompleting(false)} />}
    </>
  );
}
