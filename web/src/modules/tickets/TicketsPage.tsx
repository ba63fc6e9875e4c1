import { Button, Card, Center, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTicket } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCan, useMe } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SectionLoader } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useCustomFields } from '../customers/customers.api.ts';
import { AvailabilityControl } from './AvailabilityControl.tsx';
import { NewTicketModal } from './NewTicketModal.tsx';
import { TicketFilterBar } from './TicketFilterBar.tsx';
import { compactTicketFilter, filterFromParams, filterFromView, filterToParams } from './tickets.filter.ts';
import { useTicketList, useTicketTypes } from './tickets.api.ts';
import { TicketsTable } from './TicketsTable.tsx';
import type { TicketFilter } from './tickets.types.ts';
import { ViewPicker } from './ViewPicker.tsx';

/**
 * TKT agent workspace list: filters, built-in and saved views, keyset "load more". The URL holds
 * the filters and the view, so a list can be bookmarked, shared and survives a reload.
 */
export default function TicketsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // The page's state is the truth and the URL follows it (replace, no history entry per keystroke).
  // Driving the inputs from the URL instead would lose fast keystrokes to stale navigations.
  const [state, setState] = useState(() => ({ ...filterFromParams(params), saved: params.get('saved') }));
  const { filter, view, saved: savedId } = state;
  const written = useRef(params.toString());
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    const next = filterToParams(filter, view);
    if (savedId) next.set('saved', savedId);
    written.current = next.toString();
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
    // `params` is read, not watched: only our own changes write the URL.
  }, [filter, view, savedId]);
  // The URL changed from outside (back/forward, a link): the page follows it.
  useEffect(() => {
    if (params.toString() !== written.current) setState({ ...filterFromParams(params), saved: params.get('saved') });
  }, [params]);
  const [debouncedQ] = useDebouncedValue(filter.q?.trim() ?? '', 300);
  // Typed custom values (a reference, a number) wait for a pause like the search does.
  const [debouncedCustom] = useDebouncedValue(filter.custom, 300);
  const effective = useMemo(() => compactTicketFilter({ ...filter, q: debouncedQ || undefined, custom: debouncedCustom }), [filter, debouncedQ, debouncedCustom]);
  const list = useTicketList(effective, view);
  const types = useTicketTypes();
  // PLT-11: the active ticket fields are the list's extra columns and the filter bar's custom inputs.
  const customFields = useCustomFields('ticket');
  const activeFields = useMemo(() => (customFields.data ?? []).filter((d) => d.active), [customFields.data]);
  const filtered = Object.keys(effective).length > 0 || !!view;

  const go = (next: TicketFilter, nextView: string | null, saved: string | null = null) => setState({ filter: next, view: nextView, saved });

  return (
    <>
      <PageHeader
        title={t('tickets.title')}
        description={t('tickets.subtitle')}
        actions={
          <>
            <AvailabilityControl />
            {can('tickets.write') && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t('tickets.create')}
              </Button>
            )}
          </>
        }
      />
      <Card withBorder radius="md" padding={0}>
        <Group p="md" pb={0} justify="space-between" wrap="wrap" gap="sm">
          <ViewPicker
            view={view}
            savedId={savedId}
            filter={filter}
            onBuiltin={(v) => go(filter, v)}
            onSaved={(saved) => (saved ? go(filterFromView(saved.filter as Record<string, unknown>, me.timeZone), null, saved.id) : go({}, null))}
          />
          {list.isSuccess && (
            <Text size="sm" c="dimmed">
              {list.hasNextPage ? t('tickets.shownMore', { n: list.items.length }) : t('tickets.shown', { n: list.items.length })}
            </Text>
          )}
        </Group>
        <TicketFilterBar filter={filter} onChange={(next) => go(next, view)} fields={activeFields} />
        {list.isPending && <SectionLoader />}
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && list.items.length === 0 && (
          <EmptyState
            icon={IconTicket}
            title={filtered ? t('tickets.emptyFilteredTitle') : t('tickets.emptyTitle')}
            description={filtered ? t('tickets.emptyFilteredHint') : t('tickets.emptyHint')}
            action={
              filtered ? (
                <Button variant="default" onClick={() => go({}, null)}>
                  {t('tickets.clearFilters')}
                </Button>
              ) : undefined
            }
          />
        )}
        {!list.isError && list.items.length > 0 && <TicketsTable tickets={list.items} types={types.data ?? []} fields={activeFields} />}
        {list.hasNextPage && (
          <Center p="md">
            <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          </Center>
        )}
      </Card>
      {creating && <NewTicketModal onClose={() => setCreating(false)} onCreated={(ticket) => void navigate(`/tickets/${ticket.number}`)} />}
    </>
  );
}
