import { Anchor, Badge, Button, Divider, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { useFormat } from '../../ui/format.ts';
import { type Activity, SYSTEM_SUBJECTS } from './activities.api.ts';
import { ActivityTypeIcon, TYPE_COLORS } from './ActivityTypeIcon.tsx';

export const STATUS_COLORS = { PLANNED: 'blue', IN_PROGRESS: 'yellow', COMPLETED: 'teal', CANCELLED: 'gray' } as const;

/** One activity in a list: type, subject, when, customer, status; "Complete" while it is open. */
export function ActivityRow({ activity: a, onComplete, showCustomer = true }: { activity: Activity; onComplete?: (a: Activity) => void; showCustomer?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const open = a.status === 'PLANNED' || a.status === 'IN_PROGRESS';
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" py="xs">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color={TYPE_COLORS[a.type]} radius="xl" size="lg">
          <ActivityTypeIcon type={a.type} />
        </ThemeIcon>
        <Stack gap={2}>
          <Group gap={6}>
            <Anchor component={Link} to={`/activities/${a.id}`} size="sm" fw={600} c="inherit">
              {SYSTEM_SUBJECTS[a.subject] && a.type === 'NOTE' ? t(SYSTEM_SUBJECTS[a.subject]) : a.subject}
            </Anchor>
            <Badge size="xs" variant="light" color={STATUS_COLORS[a.status]}>
              {t(`activities.status.${a.status}`)}
            </Badge>
            {a.overdue && (
              <Badge size="xs" color="red">
                {t('activities.overdue')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t(`activities.type.${a.type}`)} · {a.allDay ? format.date(a.startAt) : format.dateTime(a.startAt)}
            {a.owner ? ` · ${a.owner.name}` : ''}
          </Text>
          {showCustomer && a.customer && (
            <Anchor component={Link} to={`/customers/${a.customer.number}`} size="xs">
              {a.customer.name} ({a.customer.number})
            </Anchor>
          )}
          {a.outcome && <Text size="xs">{t('activities.outcomeLine', { outcome: a.outcome })}</Text>}
          {a.followUpAt && (
            <Text size="xs" c="dimmed">
              {t('activities.followUpLine', { date: format.dateTime(a.followUpAt) })}
            </Text>
          )}
        </Stack>
      </Group>
      {open && onComplete && can('activities.write') && (
        <Button size="xs" variant="light" color="teal" leftSection={<IconCheck size={14} />} onClick={() => onComplete(a)} aria-label={`${t('activities.complete')}: ${a.subject}`}>
          {t('activities.complete')}
        </Button>
      )}
    </Group>
  );
}

/** Activities one under another, divided: a customer's or a ticket's (their own record is not repeated on each row). */
export function ActivityRows({ items, onComplete, showCustomer }: { items: Activity[]; onComplete: (activity: Activity) => void; showCustomer: boolean }) {
  return (
    <Stack gap={0}>
      {items.map((a, i) => (
        <Fragment key={a.id}>
          {i > 0 && <Divider />}
          <ActivityRow activity={a} onComplete={onComplete} showCustomer={showCustomer} />
        </Fragment>
      ))}
    </Stack>
  );
}
