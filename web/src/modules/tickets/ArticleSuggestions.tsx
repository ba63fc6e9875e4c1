import { ActionIcon, Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconBook2, IconLink, IconTextPlus } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../ui/errors.ts';
import { SnippetText } from '../../ui/SnippetText.tsx';
import { toastError, toastSuccess } from '../../ui/toast.ts';
import { htmlToPlainText, useComposerInsert } from './composerInsert.ts';

interface Suggestion {
  id: string;
  title: string;
  language: string;
  slug: string;
  visibility: 'internal' | 'public';
  snippet: { text: string; match: boolean }[];
}

/**
 * KB-1 suggestions beside the conversation: the articles most related to the ticket's question, in the
 * customer's language first. One click puts a public article's help-centre link, or any article's text,
 * into the reply; the article then counts a use when the ticket is resolved.
 */
export function ArticleSuggestions({ ticketId, canReply }: { ticketId: string; canReply: boolean }) {
  const { t } = useTranslation();
  const composer = useComposerInsert();
  const suggestions = useQuery({
    queryKey: ['kb', 'suggestions', ticketId],
    queryFn: () => api<{ language: string; items: Suggestion[] }>('/api/v1/kb/suggestions', { query: { ticketId, limit: 5 } }),
    staleTime: 60_000,
  });
  const insert = useMutation({
    mutationFn: async ({ article, as }: { article: Suggestion; as: 'link' | 'text' }) => {
      const text =
        as === 'link'
          ? `${article.title}: ${window.location.origin}/help/${article.language}/${article.slug}`
          : htmlToPlainText((await api<{ body: string }>(`/api/v1/kb/articles/${article.id}`)).body);
      composer.current?.(text);
      await api(`/api/v1/kb/articles/${article.id}/inserted`, { method: 'POST', body: { ticketId } });
    },
    onSuccess: () => toastSuccess(t('tickets.suggestions.inserted')),
    onError: (e) => toastError(errorMessage(t, e)),
  });

  return (
    <Card withBorder radius="md" aria-label={t('tickets.suggestions.title')}>
      <Group gap="xs" mb="xs">
        <IconBook2 size={18} />
        <Text fw={600} size="sm">
          {t('tickets.suggestions.title')}
        </Text>
      </Group>
      {suggestions.isPending && <Skeleton h={60} />}
      {suggestions.isError && (
        <Text size="sm" c="red">
          {t('tickets.suggestions.failed')}
        </Text>
      )}
      {suggestions.isSuccess && !suggestions.data.items.length && (
        <Text size="sm" c="dimmed">
          {t('tickets.suggestions.none')}
        </Text>
      )}
      <Stack gap="sm">
        {suggestions.data?.items.map((article) => (
          <div key={article.id} data-testid="kb-suggestion">
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Anchor component={Link} to={`/kb/${article.id}`} size="sm" fw={500} lineClamp={2}>
                {article.title}
              </Anchor>
              <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                <Badge size="xs" variant="light" style={{ flexShrink: 0 }}>
                  {article.language}
                </Badge>
                {article.visibility === 'internal' && (
                  <Badge size="xs" color="yellow" variant="light">
                    {t('tickets.suggestions.internal')}
                  </Badge>
                )}
              </Group>
            </Group>
            <SnippetText parts={article.snippet} size="xs" />
            {canReply && (
              <Group gap={4} mt={4}>
                {article.visibility === 'public' && (
                  <Tooltip label={t('tickets.suggestions.insertLink')}>
                    <ActionIcon variant="light" size="sm" aria-label={t('tickets.suggestions.insertLink')} onClick={() => insert.mutate({ article, as: 'link' })}>
                      <IconLink size={14} />
                    </ActionIcon>
                  </Tooltip>
                )}
                <Button variant="light" size="compact-xs" leftSection={<IconTextPlus size={14} />} onClick={() => insert.mutate({ article, as: 'text' })} loading={insert.isPending && insert.variables?.article.id === article.id}>
                  {t('tickets.suggestions.insertText')}
                </Button>
              </Group>
            )}
          </div>
        ))}
      </Stack>
    </Card>
  );
}
