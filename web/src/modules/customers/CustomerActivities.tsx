import { Button, Center, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SectionLoader } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { type Activity, useCustomerActivities } from '../activities/activities.api.ts';
import { ActivityRows } from '../activities/ActivityRow.tsx';
import { CompleteActivityModal } from '../activities/CompleteActivityModal.tsx';

/** The customer's activities, newest first, each completable with a follow-up. */
export function CustomerActivities({ idOrNumber }: { idOrNumber: string }) {
  const { t } = useTranslation();
  const list = useCustomerActivities(idOrNumber);
  const [completing, setCompleting] = useState<Activity | null>(null);
  if (list.isPending) return <SectionLoader />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (!items.length) return <EmptyState title={t('activities.emptyCustomer')} />;
  return (
    <Stack gap={0}>
      <ActivityRows items={items} onComplete={setCompleting} showCustomer={false} />
      {list.hasNextPage && (
        <Center mt="sm">
          <Button variant="default" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
      {completing && <CompleteActivityModal activity={completing} onClose={() => setCompleting(null)} />}
    </Stack>
  );
}
