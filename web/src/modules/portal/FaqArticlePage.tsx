import { Alert, Anchor, Breadcrumbs, Button, Card, Group, Stack, Text, Textarea, Title, Typography } from '@mantine/core';
import { IconInfoCircle, IconThumbDown, IconThumbUp, IconTicket } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { useFormat } from '../../ui/format.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { ApiError } from '../../api/client.ts';
import { useFaqArticle, useFaqFeedback } from './faq.api.ts';

/** "Was this helpful?" — yes at once; no asks what was missing first. */
function Feedback({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const send = useFaqFeedback(articleId);
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState('');
  if (send.isSuccess) return <Alert color="teal" variant="light">{t('portalFaq.thanks')}</Alert>;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Text fw={600}>{t('portalFaq.helpful')}</Text>
        <Button size="xs" variant="light" color="teal" leftSection={<IconThumbUp size={14} />} onClick={() => send.mutate({ helpful: true })} loading={send.isPending && send.variables?.helpful}>
          {t('portalFaq.yes')}
        </Button>
        <Button size="xs" variant="light" color="red" leftSection={<IconThumbDown size={14} />} onClick={() => setAsking(true)}>
          {t('portalFaq.no')}
        </Button>
      </Group>
      {asking && (
        <Stack gap="xs">
          <Textarea label={t('portalFaq.whatMissing')} maxLength={2000} autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
          <Button size="xs" w="fit-content" onClick={() => send.mutate({ helpful: false, comment: comment.trim() || undefined })} loading={send.isPending}>
            {t('portalFaq.sendFeedback')}
          </Button>
        </Stack>
      )}
      {send.isError && <Text c="red" size="sm">{errorMessage(t, send.error)}</Text>}
    </Stack>
  );
}

/** One FAQ article in the portal: the answer, its other languages, feedback, and the way to a ticket. */
export default function FaqArticlePage() {
  const { language = 'en', slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const article = useFaqArticle(language, slug);
  if (article.isPending) return <SectionLoader />;
  if (article.isError) {
    return article.error instanceof ApiError && article.error.status === 404 ? <EmptyState icon={IconInfoCircle} title={t('portalFaq.missing')} /> : <QueryError error={article.error} onRetry={() => void article.refetch()} />;
  }
  const a = article.data;
  const mine = a.language === i18n.language ? null : a.translations.find((x) => x.language === i18n.language);
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/portal/faq">
          {t('portalFaq.title')}
        </Anchor>
        <Text size="sm">{a.title}</Text>
      </Breadcrumbs>
      {a.language !== i18n.language &&
        (mine ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
            <Anchor component={Link} to={`/portal/faq/${mine.language}/${mine.slug}`}>
              {t('portalFaq.readInYours')}
            </Anchor>
          </Alert>
        ) : (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('portalFaq.fallback')}
          </Alert>
        ))}
      <Card withBorder radius="lg" padding="lg">
        <Title order={2} lang={a.language} mb={4}>
          {a.title}
        </Title>
        <Text size="xs" c="dimmed" mb="md">
          {t('portalFaq.updated', { date: format.date(a.updatedAt) })}
        </Text>
        {/* The answer as the server sanitised it (an allowlist: no script, handler, style or foreign image survives). */}
        <Typography lang={a.language} style={{ overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: a.body }} />
        {a.translations.length > 0 && (
          <Group gap="xs" mt="md">
            <Text size="sm" c="dimmed">
              {t('portalFaq.otherLanguages')}
            </Text>
            {a.translations.map((x) => (
              <Anchor key={x.id} component={Link} to={`/portal/faq/${x.language}/${x.slug}`} size="sm" lang={x.language}>
                {x.language.toUpperCase()}
              </Anchor>
            ))}
          </Group>
        )}
      </Card>
      <Card withBorder radius="lg" padding="lg">
        <Stack gap="md">
          <Feedback articleId={a.id} />
          <Group gap="sm">
            <Text size="sm">{t('portalFaq.stillNeedHelp')}</Text>
            <Button component={Link} to={`/portal/tickets/new?article=${a.id}`} size="xs" leftSection={<IconTicket size={14} />}>
              {t('portalFaq.openTicket')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
