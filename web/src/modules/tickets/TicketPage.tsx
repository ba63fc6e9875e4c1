import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Grid, Group, Stack, Tabs, Text, Tooltip } from '@mantine/core';
import { IconArrowMerge, IconArrowUpRight, IconBolt, IconBook2 } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useCan } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { useFormat } from '../../ui/format.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { StaleNotice } from '../../ui/StaleNotice.tsx';
import { toastError } from '../../ui/toast.ts';
import { EscalationBadge, PriorityBadge, TicketStatusBadge } from './badges.tsx';
import { ArticleSuggestions } from './ArticleSuggestions.tsx';
import { Composer } from './Composer.tsx';
import { type ComposerInsert, ComposerInsertContext } from './composerInsert.ts';
import { Conversation } from './Conversation.tsx';
import { EscalateModal } from './EscalateModal.tsx';
import { MessageBody } from './MessageBody.tsx';
import { RelatedTickets } from './RelatedTickets.tsx';
import { SatisfactionView, SlaClock } from './SlaClock.tsx';
import { TicketActivities } from './TicketActivities.tsx';
import { TicketHistory } from './TicketHistory.tsx';
import { TicketProperties } from './TicketProperties.tsx';
import { typeName, useMessages, useTicket, useTicketTypes } from './tickets.api.ts';
import type { TicketDetail } from './tickets.types.ts';
import { useTicketRoom } from './useTicketRoom.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** TKT agent workspace: one ticket with its conversation, properties, SLA clock and history. */
export default function TicketPage() {
  const { idOrNumber = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ticket = useTicket(idOrNumber);
  // One address per ticket: an id link lands on the number, so every query is keyed the same way.
  useEffect(() => {
    if (ticket.data && UUID.test(idOrNumber)) void navigate(`/tickets/${ticket.data.number}`, { replace: true });
  }, [ticket.data, idOrNumber, navigate]);

  if (ticket.isPending) return <SectionLoader />;
  if (ticket.isError) {
    const missing = ticket.error instanceof ApiError && (ticket.error.status === 404 || ticket.error.status === 400);
    if (!missing) return <QueryError error={ticket.error} onRetry={() => void ticket.refetch()} />;
    return (
      <EmptyState
        title={t('tickets.notFound')}
        description={t('tickets.notFoundHint')}
        action={
          <Button component={Link} to="/tickets" variant="default">
            {t('tickets.backToList')}
          </Button>
        }
      />
    );
  }
  return <TicketWorkspace ticket={ticket.data} reload={() => ticket.refetch()} />;
}

function TicketWorkspace({ ticket, reload }: { ticket: TicketDetail; reload: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const types = useTicketTypes();
  const messages = useMessages(ticket.number);
  const live = useTicketRoom(ticket.id, ticket.number);
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [escalating, setEscalating] = useState(false);
  const composerInsert = useRef<ComposerInsert['current']>(null) as ComposerInsert;
  const type = (types.data ?? []).find((x) => x.id === ticket.type.id);
  // The server decides (priority 4–5, still open, tickets.write) and says so with the ticket.
  const canEscalate = ticket.canEscalate;

  const doReload = async () => {
    setReloading(true);
    await reload();
    setReloading(false);
    setStale(false);
  };
  // 412: someone saved first. Nothing was overwritten; show the notice and fetch their version.
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 412) {
      setStale(true);
      void reload();
    } else toastError(errorMessage(t, error));
  };

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/tickets" size="sm">
          {t('tickets.title')}
        </Anchor>
        <Text size="sm">{ticket.number}</Text>
      </Breadcrumbs>
      <PageHeader
        title={ticket.title}
        actions={
          <Group gap="xs">
            {/* KB-1: a solved ticket's answer becomes a draft article (the client's details removed for review). */}
            {can('knowledge.write') && (ticket.status === 'resolved' || ticket.status === 'closed') && (
              <Button variant="default" leftSection={<IconBook2 size={16} />} component={Link} to={`/kb/new?fromTicket=${ticket.id}`}>
                {t('knowledge.fromTicket.button')}
              </Button>
            )}
            {canEscalate && (
              <Button color="red" variant="light" leftSection={<IconArrowUpRight size={16} />} onClick={() => setEscalating(true)}>
                {t('tickets.escalation.button')}
              </Button>
            )}
          </Group>
        }
      />
      <Group gap="xs" mb="md" mt={-12}>
        <Text size="sm" c="dimmed" ff="monospace">
          {ticket.number}
        </Text>
        <TicketStatusBadge status={ticket.status} />
        <PriorityBadge priority={ticket.priority} />
        <EscalationBadge level={ticket.escalationLevel} />
        <Badge variant="outline" color="gray" size="sm">
          {type ? typeName(type, i18n.language) : ticket.type.name}
        </Badge>
        <Badge variant="outline" color="gray" size="sm">
          {t(`tickets.source.${ticket.source}`)}
        </Badge>
        {live && (
          <Tooltip label={t('tickets.liveHint')}>
            <Badge variant="light" color="teal" size="sm" leftSection={<IconBolt size={12} />}>
              {t('tickets.live')}
            </Badge>
          </Tooltip>
        )}
      </Group>
      <Stack gap="sm" mb="md">
        {stale && <StaleNotice message={t('tickets.stale')} onReload={() => void doReload()} reloading={reloading} />}
        {ticket.mergedInto && (
          <Alert color="blue" variant="light" icon={<IconArrowMerge size={18} />} title={t('tickets.mergedTitle')}>
            {t('tickets.mergedInto')}{' '}
            <Anchor component={Link} to={`/tickets/${ticket.mergedInto.number}`}>
              {ticket.mergedInto.number}
            </Anchor>
          </Alert>
        )}
        {ticket.escalationLevel > 0 && (
          <Alert color="red" variant="light" icon={<IconArrowUpRight size={18} />} title={t('tickets.escalation.level', { n: ticket.escalationLevel })}>
            {ticket.escalationReason ?? ''}
            {ticket.escalatedAt && (
              <Text size="xs" c="dimmed" mt={4}>
                {format.dateTime(ticket.escalatedAt)}
              </Text>
            )}
          </Alert>
        )}
      </Stack>
      <ComposerInsertContext.Provider value={composerInsert}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Card withBorder radius="md">
              <Group justify="space-between" mb="xs">
                <Text size="sm" fw={600}>
                  {ticket.createdBy?.name ?? ticket.requester?.name ?? ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('tickets.openedAt', { date: format.dateTime(ticket.createdAt) })}
                </Text>
              </Group>
              <MessageBody html={ticket.descriptionHtml} />
            </Card>
            <Card withBorder radius="md">
              <Tabs defaultValue="conversation" keepMounted={false}>
                <Tabs.List mb="md">
                  <Tabs.Tab value="conversation">{t('tickets.conversation.title')}</Tabs.Tab>
                  <Tabs.Tab value="history">{t('tickets.history.title')}</Tabs.Tab>
                  {can('activities.read') && <Tabs.Tab value="activities">{t('activities.ofTicket')}</Tabs.Tab>}
                </Tabs.List>
                <Tabs.Panel value="conversation">
                  <Stack gap="md">
                    {messages.isPending && <SectionLoader />}
                    {messages.isError && <QueryError error={messages.error} onRetry={() => void messages.refetch()} />}
                    {messages.isSuccess && (
                      <Conversation
                        messages={messages.items}
                        hasMore={messages.hasNextPage}
                        loadingMore={messages.isFetchingNextPage}
                        onLoadMore={() => void messages.fetchNextPage()}
                        customerAuthorId={ticket.requester?.id}
                      />
                    )}
                    {can('tickets.write') && <Composer idOrNumber={ticket.number} closed={ticket.status === 'closed'} />}
                  </Stack>
                </Tabs.Panel>
                <Tabs.Panel value="history">
                  <TicketHistory idOrNumber={ticket.number} />
                </Tabs.Panel>
                {can('activities.read') && (
                  <Tabs.Panel value="activities">
                    <TicketActivities ticket={ticket} />
                  </Tabs.Panel>
                )}
              </Tabs>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <SlaClock ticket={ticket} />
            <SatisfactionView satisfaction={ticket.satisfaction} />
            {can('knowledge.read') && <ArticleSuggestions ticketId={ticket.id} canReply={can('tickets.write') && ticket.status !== 'closed'} />}
            <TicketProperties ticket={ticket} onError={onError} />
            <RelatedTickets ticket={ticket} onError={onError} />
          </Stack>
        </Grid.Col>
      </Grid>
      </ComposerInsertContext.Provider>
      {escalating && <EscalateModal ticket={ticket} onClose={() => setEscalating(false)} onStale={() => onError(new ApiError(412, 'stale_version', ''))} />}
    </>
  );
}
