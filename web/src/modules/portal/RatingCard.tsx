import { Anchor, Button, Card, Group, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { maxLengths } from '../../api/schema.gen.ts';
import { errorMessage } from '../../ui/errors.ts';
import { useFormat } from '../../ui/format.ts';
import { FormError } from '../../ui/QueryError.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { useRateTicket } from '../tickets/tickets.api.ts';
import type { TicketDetail } from '../tickets/tickets.types.ts';

const COMMENT_MAX = maxLengths['POST /api/v1/tickets/{idOrNumber}/satisfaction'].comment;

/** TKT-12 (contract item 2): once resolved or closed, the client rates 1–5 with a comment; a new rating replaces the old. */
export function RatingCard({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rate = useRateTicket();
  const given = ticket.satisfaction;
  const [editing, setEditing] = useState(!given);
  const [rating, setRating] = useState(given?.rating ?? 0);
  const [comment, setComment] = useState(given?.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const [commentError, setCommentError] = useState<string | null>(null);
  if (!ticket.canRate) return null;
  const starLabel = (n: number) => t('portalTickets.rating.stars', { n });

  const submit = () => {
    if (rating < 1) return setError(t('portalTickets.rating.pick'));
    if (comment.trim().length > COMMENT_MAX) return setCommentError(t('tickets.limits.tooLong', { max: COMMENT_MAX }));
    rate.mutate(
      { ticket, rating, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      {
        onSuccess: () => {
          toastSuccess(t('portalTickets.rating.thanks'));
          setEditing(false);
          setError(null);
        },
        onError: (e) => {
          const onComment = e instanceof ApiError ? e.errors.find((x) => x.field === 'comment') : undefined;
          if (onComment) setCommentError(onComment.message);
          else setError(errorMessage(t, e));
        },
      },
    );
  };

  return (
    <Card withBorder radius="lg" padding="lg" aria-label={t('portalTickets.rating.title')} component="section">
      <Title order={5} mb={4}>
        {t('portalTickets.rating.title')}
      </Title>
      {!editing && given ? (
        <Stack gap="xs">
          <Rating value={given.rating} readOnly getSymbolLabel={starLabel} aria-label={starLabel(given.rating)} />
          {given.comment && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {given.comment}
            </Text>
          )}
          {given.ratedAt && (
            <Text size="xs" c="dimmed">
              {format.dateTime(given.ratedAt)}
            </Text>
          )}
          <Anchor component="button" type="button" size="sm" ta="left" onClick={() => setEditing(true)}>
            {t('portalTickets.rating.change')}
          </Anchor>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('portalTickets.rating.intro')}
          </Text>
          <FormError message={error} />
          <Rating value={rating} onChange={(v) => { setRating(v); setError(null); }} size="lg" getSymbolLabel={starLabel} />
          <Textarea
            label={t('portalTickets.rating.comment')}
            autosize
            minRows={2}
            value={comment}
            error={commentError}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setCommentError(null);
            }}
          />
          <Group justify="flex-end">
            {given && (
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
            )}
            <Button onClick={submit} loading={rate.isPending}>
              {t('portalTickets.rating.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
