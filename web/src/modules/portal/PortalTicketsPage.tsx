import { Button, Card, Center, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconTicket } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SectionLoader } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { usePortalTicketList } from './portal.api.ts';
import { TicketRows } from './TicketRows.tsx';

/** All tickets of the client's customer (the server scopes them), newest first, with word/number search. */
export default function PortalTicketsPage() {
  const { t } = useTranslation();
  // The search is kept in the URL (a reload or the back button keeps it), written once typing
  // pauses: a controlled input fed from the URL would drop keystrokes while the router catches up.
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(() => params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  useEffect(() => {
    setParams(debounced ? { q: debounced } : {}, { replace: true });
  }, [debounced, setParams]);
  const list = usePortalTicketList({ q: debounced || undefined });

  return (
    <>
      <PageHeader
        title={t('portalTickets.list.title')}
        description={t('portalTickets.list.subtitle')}
        actions={
          <Button component={Link} to="/portal/tickets/new" leftSection={<IconPlus size={16} />}>
            {t('portalTickets.home.newTicket')}
          </Button>
        }
      />
      <Card withBorder radius="lg" padding="lg">
        <TextInput
          label={t('portalTickets.list.search')}
          placeholder={t('portalTickets.list.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={q}
          maxLength={200}
          onChange={(e) => setQ(e.currentTarget.value)}
          mb="md"
          maw={420}
        />
        {list.isPending ? (
          <SectionLoader />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.items.length === 0 ? (
          debounced ? (
            <EmptyState icon={IconSearch} title={t('portalTickets.list.noMatch')} description={t('portalTickets.list.noMatchHint')} />
          ) : (
            <EmptyState icon={IconTicket} title={t('portal.emptyTitle')} description={t('portal.emptyHint')} />
          )
        ) : (
          <>
            <TicketRows tickets={list.items} />
            {list.hasNextPage && (
              <Center mt="md">
                <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                  {t('common.loadMore')}
                </Button>
              </Center>
            )}
          </>
        )}
      </Card>
    </>
  );
}
