import { Alert, Anchor, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconGitMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../../app/session.tsx';
import { SectionLoader } from '../../ui/Loading.tsx';
import { NotFoundPage } from '../../ui/NotFoundPage.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { EscalationBadge, TicketStatusBadge } from '../tickets/badges.tsx';
import { Composer } from '../tickets/Composer.tsx';
import { Conversation } from '../tickets/Conversation.tsx';
import { useMessages, useTicket, useTicketTypes } from '../tickets/tickets.api.ts';
import type { TicketDetail } from '../tickets/tickets.types.ts';
import { useTicketRoom } from '../tickets/useTicketRoom.ts';
import { RatingCard } from './RatingCard.tsx';
import { TicketActions } from './TicketActions.tsx';
import { TicketFacts } from './TicketFacts.tsx';

/**
 * The public conversation (TKT-4), oldest first, opened by the ticket's description. The server
 * sends a client public messages only; this list shows exactly what it receives.
 */
function PortalConversation({ ticket }: { ticket: TicketDetail }) {
  const me = useMe();
  const messages = useMessages(ticket.number, 100);
  if (messages.isPending) return <SectionLoader />;
  if (messages.isError) return <QueryError error={messages.error} onRetry={() => void messages.refetch()} />;
  const opening = { id: 'description', author: ticket.requester ?? ticket.createdBy, body: ticket.description, bodyHtml: ticket.descriptionHtml, internal: false, file: null, createdAt: ticket.createdAt };
  return (
    <Conversation
      audience="client"
      meId={me.id}
      opening={opening}
      messages={messages.items}
      hasMore={messages.hasNextPage}
      loadingMore={messages.isFetchingNextPage}
      onLoadMore={() => void messages.fetchNextPage()}
    />
  );
}

/**
 * One ticket as its client sees it (TKT-13): the public conversation, a reply box with one-file
 * upload, close/reopen, escalation and the rating. Another customer's ticket is a 404 from the
 * server and shows as the ordinary not-found page — nothing tells it exists.
 */
export default function TicketPage() {
  const { t } = useTranslation();
  const number = (useParams().number ?? '').toUpperCase();
  const ticket = useTicket(number);
  const types = useTicketTypes();
  useTicketRoom(ticket.data?.id, number);

  if (ticket.isPending) return <SectionLoader />;
  if (ticket.isError) {
    const error = ticket.error;
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return <NotFoundPage />;
    return <QueryError error={error} onRetry={() => void ticket.refetch()} />;
  }
  const data = ticket.data;
  const type = types.data?.find((x) => x.id === data.type.id && x.active);

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/portal/tickets" size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} />
            {t('portalTickets.ticket.back')}
          </Group>
        </Anchor>
        <Group justify="space-between" align="flex-start" mt="xs" gap="sm">
          <div style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text ff="monospace" c="dimmed" size="sm">
                {data.number}
              </Text>
              <TicketStatusBadge status={data.status} audience="client" />
              <EscalationBadge level={data.escalationLevel} />
            </Group>
            <Title order={2} style={{ overflowWrap: 'anywhere' }}>
              {data.title}
            </Title>
          </div>
          <TicketActions ticket={data} />
        </Group>
      </div>
      {data.mergedInto && (
        <Alert color="blue" variant="light" icon={<IconGitMerge size={18} />}>
          {t('portalTickets.ticket.mergedInto')}{' '}
          <Anchor component={Link} to={`/portal/tickets/${data.mergedInto.number}`}>
            {data.mergedInto.number}
          </Anchor>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Card withBorder radius="lg" padding="lg" component="section" aria-label={t('tickets.conversation.title')}>
              <Title order={5} mb="md">
                {t('tickets.conversation.title')}
              </Title>
              <Stack gap="md">
                <PortalConversation ticket={data} />
                <Composer idOrNumber={data.number} audience="client" closed={data.status === 'closed'} />
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <RatingCard ticket={data} />
            <TicketFacts ticket={data} type={type} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
