import { Button, Center, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SectionLoader } from '../../ui/Loading.tsx';
import { useFormat } from '../../ui/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { useHistory } from './tickets.api.ts';

/** The ticket's timeline, newest first, as the server words each entry (names, not ids). */
export function TicketHistory({ idOrNumber }: { idOrNumber: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useHistory(idOrNumber);
  if (history.isPending) return <SectionLoader />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.items.length) return <EmptyState icon={IconHistory} title={t('tickets.history.empty')} />;
  return (
    <>
      <Timeline bulletSize={20} lineWidth={2} aria-label={t('tickets.history.title')}>
        {history.items.map((entry) => (
          <Timeline.Item key={entry.id} bullet={<IconHistory size={12} />}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {entry.text}
            </Text>
            <Text size="xs" c="dimmed" mt={2}>
              {format.dateTime(entry.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {history.hasNextPage && (
        <Center mt="md">
          <Button variant="default" size="xs" loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}
