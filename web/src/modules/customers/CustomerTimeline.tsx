import { Badge, Button, Center, Text, ThemeIcon, Timeline } from '@mantine/core';
import { Anchor } from '@mantine/core';
import { IconFileInvoice, IconFileText, IconHistory, IconTicket } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/errors.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useFormat } from '../../ui/format.ts';
import { toastError } from '../../ui/toast.ts';
import { ACTIVITY_TYPES, type ActivityType, SYSTEM_SUBJECTS } from '../activities/activities.api.ts';
import { ActivityTypeIcon, TYPE_COLORS } from '../activities/ActivityTypeIcon.tsx';
import { TicketStatusBadge } from '../tickets/badges.tsx';
import type { TicketStatus } from '../tickets/tickets.types.ts';
import { money } from './badges.tsx';
import { fetchTimeline } from './customers.api.ts';
import type { TimelineItem } from './customers.types.ts';

// History actions written by the customers, activities, pool and handover modules ("pool.claimed" → pool_claimed).
const HISTORY_ACTIONS = [
  'created', 'updated', 'assigned', 'contacted', 'converted', 'merged', 'address_added', 'address_updated', 'address_removed',
  'contract_added', 'contract_changed', 'invoice_added', 'invoice_cancelled', 'payment_recorded',
  'pool_recycled', 'pool_claimed', 'pool_assigned', 'handover_started', 'handover_completed',
];

// History field names → the labels the profile uses for them.
const FIELD_LABELS: Record<string, string> = {
  name: 'name', number: 'number', type: 'type', status: 'status', email: 'email', phone: 'phone', mobile: 'mobile', taxId: 'taxId',
  firstName: 'firstName', lastName: 'lastName', companyName: 'companyName', title: 'title', industry: 'industry', website: 'website',
  employeeCount: 'employeeCount', annualRevenue: 'annualRevenue', country: 'country', level: 'level', priority: 'priority',
  source: 'source', tags: 'tags', notes: 'notes', ownerId: 'owner', teamId: 'team', lastContactAt: 'lastContact', nextContactAt: 'nextContact',
};

function Bullet({ item }: { item: TimelineItem }) {
  if (item.kind === 'activity') {
    const type = item.data.type as ActivityType;
    return (
      <ThemeIcon size={24} radius="xl" color={TYPE_COLORS[type] ?? 'gray'}>
        <ActivityTypeIcon type={type} size={14} />
      </ThemeIcon>
    );
  }
  const Icon = { invoice: IconFileInvoice, contract: IconFileText, ticket: IconTicket }[item.kind] ?? IconHistory;
  return (
    <ThemeIcon size={24} radius="xl" color={item.kind === 'history' ? 'gray' : 'indigo'}>
      <Icon size={14} />
    </ThemeIcon>
  );
}

function ItemText({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const d = item.data;
  switch (item.kind) {
    case 'activity': {
      const type = d.type as ActivityType;
      return (
        <>
          <Text size="sm" fw={500}>
            {SYSTEM_SUBJECTS[item.title] && type === 'NOTE' ? t(SYSTEM_SUBJECTS[item.title]) : item.title}{' '}
            <Badge size="xs" variant="light" color={d.status === 'COMPLETED' ? 'teal' : 'blue'}>
              {t(`activities.status.${String(d.status)}`)}
            </Badge>
          </Text>
          <Text size="xs" c="dimmed">
            {ACTIVITY_TYPES.includes(type) ? t(`activities.type.${type}`) : type}
            {d.outcome ? ` · ${String(d.outcome)}` : ''}
          </Text>
        </>
      );
    }
    case 'history': {
      const key = item.title.replace('.', '_');
      const action = HISTORY_ACTIONS.includes(key) ? t(`customers.history.${key}`) : item.title;
      const changes = Array.isArray(d.changes) ? (d.changes as { field: string; to?: unknown }[]) : [];
      const label = (f: string) => {
        if (FIELD_LABELS[f]) return t(`customers.fields.${FIELD_LABELS[f]}`);
        if (f === 'custom' || f.startsWith('custom.')) return t('customers.customFields');
        return f.startsWith('address') ? t('customers.addresses.title') : f;
      };
      // Address and contact entries say what happened in their title already.
      const listFields = !['created', 'contacted', 'address_added', 'address_removed'].includes(item.title);
      const next = item.title === 'contacted' ? changes.find((c) => c.field === 'nextContactAt') : undefined;
      return (
        <>
          <Text size="sm" fw={500}>
            {action}
          </Text>
          {next && typeof next.to === 'string' && (
            <Text size="xs" c="dimmed">
              {t('customers.history.nextContact', { date: format.dateTime(next.to) })}
            </Text>
          )}
          {listFields && changes.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('customers.history.fields', { fields: [...new Set(changes.map((c) => label(c.field)))].join(', ') })}
            </Text>
          )}
        </>
      );
    }
    case 'contract':
      return (
        <Text size="sm" fw={500}>
          {t('customers.timeline.contract', { title: item.title, value: money(String(d.value ?? ''), format.locale, String(d.currency ?? 'USD')) })}
        </Text>
      );
    case 'invoice':
      return (
        <Text size="sm" fw={500}>
          {t('customers.timeline.invoice', { number: item.title, amount: money(String(d.amount ?? ''), format.locale, String(d.currency ?? 'USD')) })}
        </Text>
      );
    case 'ticket':
      return (
        <>
          <Text size="sm" fw={500}>
            <Anchor component={Link} to={`/tickets/${String(d.number)}`} inherit>
              {t('customers.timeline.ticket', { title: item.title })}
            </Anchor>{' '}
            <TicketStatusBadge status={d.status as TicketStatus} size="xs" />
          </Text>
        </>
      );
    default:
      return <Text size="sm">{item.title}</Text>;
  }
}

/** The merged timeline, newest first: the overview's first page, then keyset pages on demand. */
export function CustomerTimeline({ idOrNumber, first }: { idOrNumber: string; first: { items: TimelineItem[]; nextCursor: string | null } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [more, setMore] = useState<TimelineItem[]>([]);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [loading, setLoading] = useState(false);
  // A refreshed overview (an activity was logged) starts the list again.
  useEffect(() => {
    setMore([]);
    setCursor(first.nextCursor);
  }, [first]);

  const loadMore = async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const page = await fetchTimeline(idOrNumber, cursor);
      setMore((m) => [...m, ...page.items]);
      setCursor(page.nextCursor);
    } catch (error) {
      toastError(errorMessage(t, error));
    } finally {
      setLoading(false);
    }
  };

  const items = [...first.items, ...more];
  if (!items.length) return <EmptyState title={t('customers.timeline.empty')} />;
  return (
    <>
      <Timeline bulletSize={24} lineWidth={2} aria-label={t('customers.tabs.timeline')}>
        {items.map((item) => (
          <Timeline.Item key={`${item.kind}-${item.id}`} bullet={<Bullet item={item} />}>
            <ItemText item={item} />
            <Text size="xs" c="dimmed" mt={2}>
              {format.dateTime(item.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {cursor && (
        <Center mt="md">
          <Button variant="default" size="xs" loading={loading} onClick={() => void loadMore()}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}
