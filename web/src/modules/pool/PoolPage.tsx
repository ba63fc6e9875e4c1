import { Badge, Button, Card, Center, Group, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconHistory, IconInbox, IconRecycle, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useFormat } from '../../ui/format.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { toastError, toastSuccess } from '../../ui/toast.ts';
import { AssignFromPoolModal } from './AssignFromPoolModal.tsx';
import { PoolHistoryModal } from './PoolHistoryModal.tsx';
import { PoolRuleCard } from './PoolRuleCard.tsx';
import { type PoolFilters, type PoolItem, type PoolReason, poolErrorMessage, usePoolList, usePoolMove } from './pool.api.ts';
import { RecycleModal } from './RecycleModal.tsx';

const LEVELS = ['important', 'normal', 'potential'] as const;

/** CUS-7: the shared customer pool — filter, claim, assign, recycle; the rule for admins. */
export default function PoolPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [reason, setReason] = useState<PoolReason | null>(null);
  const [level, setLevel] = useState<PoolFilters['level'] | null>(null);
  const [assigning, setAssigning] = useState<PoolItem | null>(null);
  const [history, setHistory] = useState<PoolItem | null>(null);
  const [recycling, setRecycling] = useState(false);
  const list = usePoolList({ q: debouncedQ || undefined, reason: reason ?? undefined, level: level ?? undefined });
  const move = usePoolMove();

  const claim = (item: PoolItem) =>
    move.mutate(
      { customer: item.customer.id, action: 'claim' },
      {
        onSuccess: () => toastSuccess(t('pool.claimed', { name: item.customer.name })),
        onError: (error) => toastError(poolErrorMessage(t, error)),
      },
    );

  return (
    <>
      <PageHeader
        title={t('pool.title')}
        description={t('pool.subtitle')}
        actions={
          can('pool.recycle') && (
            <Button variant="default" leftSection={<IconRecycle size={16} />} onClick={() => setRecycling(true)}>
              {t('pool.recycle')}
            </Button>
          )
        }
      />
      <PoolRuleCard />
      <Card withBorder radius="md" padding={0}>
        <Group p="md" gap="sm" wrap="wrap">
          <TextInput
            placeholder={t('pool.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={{ base: '100%', sm: 280 }}
            aria-label={t('pool.searchPlaceholder')}
          />
          <Select
            placeholder={t('pool.allReasons')}
            clearable
            data={(['inactive_days', 'manual'] as const).map((r) => ({ value: r, label: t(`pool.reasons.${r}`) }))}
            value={reason}
            onChange={(v) => setReason(v as PoolReason | null)}
            w={{ base: '100%', sm: 220 }}
            aria-label={t('pool.reason')}
          />
          <Select
            placeholder={t('pool.allLevels')}
            clearable
            data={LEVELS.map((l) => ({ value: l, label: t(`pool.levels.${l}`) }))}
            value={level}
            onChange={(v) => setLevel(v as PoolFilters['level'] | null)}
            w={{ base: '100%', sm: 180 }}
            aria-label={t('pool.level')}
          />
        </Group>
        {list.isPending && <SectionLoader />}
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && list.items.length === 0 && <EmptyState icon={IconInbox} title={t('pool.emptyTitle')} description={t('pool.emptyHint')} />}
        {list.items.length > 0 && (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pool.customer')}</Table.Th>
                  <Table.Th>{t('pool.reason')}</Table.Th>
                  <Table.Th>{t('pool.previousOwner')}</Table.Th>
                  <Table.Th>{t('pool.inPoolSince')}</Table.Th>
                  <Table.Th>{t('pool.lastContact')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((item) => (
                  <Table.Tr key={item.entryId} data-testid={`pool-row-${item.customer.number}`}>
                    <Table.Td>
                      <Text component={Link} to={`/customers/${item.customer.number}`} fw={500} size="sm" c="blue">
                        {item.customer.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {item.customer.number} · {t(`pool.levels.${item.customer.level}`, { defaultValue: item.customer.level })}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Tooltip label={item.note} disabled={!item.note} multiline maw={320}>
                        <Badge variant="light" tt="none" styles={{ root: { maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible' } }} color={item.reason === 'manual' ? 'grape' : 'orange'}>
                          {t(`pool.reasons.${item.reason}`)}
                        </Badge>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>{item.originalOwner?.name ?? '—'}</Table.Td>
                    <Table.Td>{format.ago(item.enteredAt)}</Table.Td>
                    <Table.Td>{item.customer.lastContactAt ? format.date(item.customer.lastContactAt) : t('pool.never')}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Tooltip label={t('pool.history')}>
                          <Button variant="subtle" size="xs" px={6} onClick={() => setHistory(item)} aria-label={t('pool.history')}>
                            <IconHistory size={16} />
                          </Button>
                        </Tooltip>
                        {can('pool.manage') && (
                          <Button variant="default" size="xs" leftSection={<IconUserPlus size={14} />} onClick={() => setAssigning(item)}>
                            {t('pool.assign')}
                          </Button>
                        )}
                        {can('pool.claim') && (
                          <Button size="xs" onClick={() => claim(item)} loading={move.isPending && move.variables?.customer === item.customer.id}>
                            {t('pool.claim')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {list.hasNextPage && (
          <Center p="md">
            <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('pool.loadMore')}
            </Button>
          </Center>
        )}
      </Card>
      {assigning && <AssignFromPoolModal item={assigning} onClose={() => setAssigning(null)} />}
      {history && <PoolHistoryModal customer={history.customer.number} onClose={() => setHistory(null)} />}
      {recycling && <RecycleModal onClose={() => setRecycling(false)} />}
    </>
  );
}
