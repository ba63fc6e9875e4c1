import { Avatar, Badge, Button, Center, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLock, IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useFormat } from '../../ui/format.ts';
import { initials } from '../../ui/initials.ts';
import { AttachmentView } from './AttachmentView.tsx';
import type { Audience } from './badges.tsx';
import { MessageBody } from './MessageBody.tsx';
import type { TicketMessage } from './tickets.types.ts';

interface Perspective {
  /** Staff see "Customer" on the requester's messages; a client sees "You" on their own. */
  audience?: Audience;
  /** The requester's user id: their messages carry a "Customer" label (staff). */
  customerAuthorId?: string | null;
  /** The reader's user id: their own messages say "You" and are tinted (client). */
  meId?: string;
}

/**
 * One message: author, time in the user's zone, the rendered body and its file. Notes are yellow.
 * `label` follows the author ("opened the ticket" on the description shown as the first message).
 */
export function MessageItem({ message, audience = 'staff', customerAuthorId, meId, label }: Perspective & { message: TicketMessage; label?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const own = audience === 'client' && !!meId && message.author?.id === meId;
  const name = message.author?.name ?? t('tickets.conversation.system');
  const fromCustomer = audience === 'staff' && !!customerAuthorId && message.author?.id === customerAuthorId;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-internal={message.internal || undefined}
      aria-label={message.internal ? t('tickets.conversation.internalNote') : undefined}
      bg={message.internal ? 'light-dark(var(--mantine-color-yellow-0), rgba(250, 176, 5, 0.12))' : own ? 'var(--mantine-primary-color-light)' : undefined}
      style={message.internal ? { borderColor: 'var(--mantine-color-yellow-5)' } : undefined}
    >
      <Group justify="space-between" gap="xs" mb={6} wrap="nowrap">
        <Group gap="xs" wrap="nowrap" miw={0}>
          <Avatar size="sm" radius="xl" color={fromCustomer || own ? 'cyan' : 'indigo'}>
            {initials(name)}
          </Avatar>
          <Text size="sm" fw={600} truncate>
            {own ? t('tickets.conversation.you') : name}
          </Text>
          {label && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {label}
            </Text>
          )}
          {fromCustomer && (
            <Badge size="xs" variant="light" color="cyan">
              {t('tickets.conversation.customer')}
            </Badge>
          )}
          {message.internal && (
            <Badge size="xs" variant="filled" color="yellow" c="dark" leftSection={<IconLock size={10} />}>
              {t('tickets.conversation.internalNote')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" component="time" dateTime={message.createdAt} style={{ whiteSpace: 'nowrap' }} title={message.createdAt}>
          {format.dateTime(message.createdAt)}
        </Text>
      </Group>
      <Stack gap="xs">
        {message.body.trim() !== '' && <MessageBody html={message.bodyHtml} />}
        {message.file && <AttachmentView file={message.file} />}
      </Stack>
    </Paper>
  );
}

/**
 * The conversation thread, oldest first, with a "load more" for later pages. Pure props, so the
 * staff workspace and the client portal render the same thread from the same queries; the portal
 * opens it with the ticket's description (`opening`). The list is a live region (`log`): messages
 * pushed over the socket are announced.
 */
export function Conversation({ messages, hasMore, loadingMore, onLoadMore, opening, ...perspective }: Perspective & {
  messages: TicketMessage[];
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  /** Shown first, labelled "opened the ticket": the description, in the portal. */
  opening?: TicketMessage;
}) {
  const { t } = useTranslation();
  if (!messages.length && !opening) return <EmptyState icon={IconMessages} title={t('tickets.conversation.empty')} />;
  return (
    <Stack gap="sm">
      <div role="log">
        <Stack gap="sm" aria-label={t('tickets.conversation.title')} role="list">
          {opening && (
            <div role="listitem">
              <MessageItem message={opening} label={t('tickets.conversation.opened')} {...perspective} />
            </div>
          )}
          {messages.map((m) => (
            <div role="listitem" key={m.id}>
              <MessageItem message={m} {...perspective} />
            </div>
          ))}
        </Stack>
      </div>
      {hasMore && onLoadMore && (
        <Center>
          <Button variant="default" size="xs" loading={loadingMore} onClick={onLoadMore}>
            {t('tickets.conversation.later')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
