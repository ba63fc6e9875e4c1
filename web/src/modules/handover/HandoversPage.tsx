import { Badge, Button, Card, Center, Group, Switch, Table, Tabs, Text } from '@mantine/core';
import { IconArrowRight, IconTransfer } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useFormat } from '../../ui/format.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { STAGES, type Stage, useHandoverCounts, useHandoverList } from './handover.api.ts';

export const STAGE_COLORS: Record<Stage, string> = { preparation: 'blue', review: 'orange', confirmation: 'grape', completed: 'teal' };

function HandoverTable({ stage, mine }: { stage: Stage; mine: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useHandoverList({ stage, mine: mine ? 'true' : undefined });
  if (list.isPending) return <SectionLoader />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.items.length) return <EmptyState icon={IconTransfer} title={t('handover.emptyTitle')} description={t('handover.emptyHint')} />;
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('handover.customer')}</Table.Th>
              <Table.Th>{t('handover.fromTo')}</Table.Th>
              <Table.Th>{t('handover.reason')}</Table.Th>
              <Table.Th>{t('handover.checklist')}</Table.Th>
              <Table.Th>{t('handover.started')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>
                  <Text component={Link} to={`/handovers/${h.id}`} fw={500} size="sm" c="blue">
                    {h.customer.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {h.customer.number}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" td={h.fromOwnerActive ? undefined : 'line-through'}>
                      {h.fromOwner?.name ?? '—'}
                    </Text>
                    <IconArrowRight size={14} />
                    <Text size="sm" c={h.toOwner ? undefined : 'dimmed'}>
                      {h.toOwner?.name ?? t('handover.noReceiver')}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray">
                    {t(`handover.reasons.${h.reason}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{t('handover.itemsDone', { done: h.itemsDone, total: h.itemsTotal })}</Table.Td>
                <Table.Td>{format.ago(h.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.hasNextPage && (
        <Center p="md">
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('handover.loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}

/** CUS-6: handovers by stage. */
export default function HandoversPage() {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>('preparation');
  const [mine, setMine] = useState(false);
  const counts = useHandoverCounts();
  return (
    <>
      <PageHeader
        title={t('handover.title')}
        description={t('handover.subtitle')}
        actions={<Switch label={t('handover.mineOnly')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />}
      />
      <Card withBorder radius="md" padding={0}>
        <Tabs value={stage} onChange={(v) => v && setStage(v as Stage)}>
          <Tabs.List px="md" pt="xs">
            {STAGES.map((s) => (
              <Tabs.Tab
                key={s}
                value={s}
                rightSection={
                  <Badge size="sm" variant="light" color={STAGE_COLORS[s]}>
                    {counts.data?.[s] ?? 0}
                  </Badge>
                }
              >
                {t(`handover.stages.${s}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <HandoverTable key={`${stage}-${mine}`} stage={stage} mine={mine} />
      </Card>
    </>
  );
}
