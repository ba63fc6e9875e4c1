import { Badge, Button, Card, Center, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { useFormat } from '../../../ui/format.ts';
import { SectionLoader } from '../../../ui/Loading.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { QueryError } from '../../../ui/QueryError.tsx';
import { MailMessageModal } from './MailMessageModal.tsx';
import { MAIL_STATUS_COLORS, MAIL_STATUSES, useMailList } from './mail.api.ts';

const FILTERS = ['all', ...MAIL_STATUSES] as const;

/** The mail outbox (PLT-10): what the app sent or would send; without SMTP, this is where mail lands. */
export default function MailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<(typeof FILTERS)[number]>('all');
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useMailList(status === 'all' ? undefined : status);

  return (
    <>
      <PageHeader title={t('nav.mail')} description={t('mail.subtitle')} />
      <Card withBorder radius="md" padding={0}>
        <Group p="md">
          <SegmentedControl
            value={status}
            onChange={(v) => setStatus(v as (typeof FILTERS)[number])}
            data={FILTERS.map((f) => ({ value: f, label: f === 'all' ? t('common.all') : t(`mail.statuses.${f}`) }))}
          />
        </Group>
        {list.isPending && <SectionLoader />}
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && list.items.length === 0 && <EmptyState icon={IconMail} title={t('mail.emptyTitle')} description={t('mail.emptyHint')} />}
        {list.items.length > 0 && (
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('mail.subject')}</Table.Th>
                  <Table.Th>{t('mail.to')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th>{t('fields.createdAt')}</Table.Th>
                  <Table.Th>{t('mail.sentAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((m) => (
                  <Table.Tr key={m.id} onClick={() => setOpenId(m.id)} style={{ cursor: 'pointer' }}>
                    <Table.Td>
                      <Text size="sm" fw={500} lineClamp={1}>
                        {m.subject}
                      </Text>
                      {m.kind && (
                        <Text size="xs" c="dimmed">
                          {m.kind}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{m.to}</Table.Td>
                    <Table.Td>
                      <Badge color={MAIL_STATUS_COLORS[m.status] ?? 'gray'} variant="light">
                        {t(`mail.statuses.${m.status}`, { defaultValue: m.status })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{format.dateTime(m.createdAt)}</Table.Td>
                    <Table.Td>{m.sentAt ? format.dateTime(m.sentAt) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {list.hasNextPage && (
          <Center p="md">
            <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          </Center>
        )}
      </Card>
      {openId && <MailMessageModal id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}
