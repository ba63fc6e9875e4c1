import { Badge, Modal, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { usePoolHistory } from './pool.api.ts';

/** Every stay of one customer in the pool: who recycled it, why, and who took it out. */
export function PoolHistoryModal({ customer, onClose }: { customer: string; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = usePoolHistory(customer);
  return (
    <Modal opened onClose={onClose} title={t('pool.historyTitle', { number: customer })} size="lg">
      {history.isPending && <SectionLoader />}
      {history.isError && <QueryError error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && (
        <Timeline bulletSize={18} lineWidth={2}>
          {history.data.items.map((e) => (
            <Timeline.Item key={e.id} title={<Badge variant="light">{t(`pool.statuses.${e.status}`)}</Badge>}>
              <Stack gap={2} mt={4}>
                <Text size="sm">
                  {t('pool.enteredLine', {
                    when: format.dateTime(e.enteredAt),
                    reason: t(`pool.reasons.${e.reason}`),
                    who: e.recycledBy?.name ?? t('pool.theRule'),
                    owner: e.originalOwner?.name ?? '—',
                  })}
                </Text>
                {e.note && (
                  <Text size="sm" c="dimmed">
                    “{e.note}”
                  </Text>
                )}
                {e.leftAt && (
                  <Text size="sm">
                    {t('pool.leftLine', { when: format.dateTime(e.leftAt), who: e.takenBy?.name ?? '—', by: e.decidedBy?.name ?? '—' })}
                  </Text>
                )}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Modal>
  );
}
