import { Anchor, Card, Group, SimpleGrid, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { useFormat } from '../../ui/format.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { LanguageBadge } from './badges.tsx';
import { type Analytics, ARTICLE_LANGUAGES, type ArticleLanguage, useAnalytics } from './knowledge.api.ts';
import { helpfulPercent } from './knowledge.helpers.ts';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const DAY = 86_400_000;

/** KB-2 analytics: most viewed, most and least helpful, searches without result, for a period and language. */
export function AnalyticsPanel() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 30 * DAY)));
  const [to, setTo] = useState(() => isoDay(new Date()));
  const [language, setLanguage] = useState<ArticleLanguage | null>(null);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const analytics = useAnalytics({ from, to, language: language ?? undefined }, valid);
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput type="date" label={t('knowledge.analytics.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} max={to} error={!valid && t('knowledge.analytics.badPeriod')} />
        <TextInput type="date" label={t('knowledge.analytics.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} min={from} />
        <Select
          label={t('knowledge.fields.language')}
          placeholder={t('knowledge.filters.anyLanguage')}
          data={ARTICLE_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          value={language}
          onChange={(v) => setLanguage(v as ArticleLanguage | null)}
          clearable
          w={180}
        />
      </Group>
      {analytics.isPending && valid ? (
        <SectionLoader />
      ) : analytics.isError ? (
        <QueryError error={analytics.error} onRetry={() => void analytics.refetch()} />
      ) : analytics.data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <RankedCard title={t('knowledge.analytics.mostViewed')} rows={analytics.data.mostViewed} />
          <RankedCard title={t('knowledge.analytics.mostHelpful')} rows={analytics.data.mostHelpful} />
          <RankedCard title={t('knowledge.analytics.leastHelpful')} rows={analytics.data.leastHelpful} />
          <SearchesCard rows={analytics.data.searchesWithoutResult} />
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}

/** One report of the analytics tab: its title, and its table or "nothing yet". */
function ReportCard({ title, empty, children }: { title: string; empty: boolean; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md">
      <Title order={4} mb="sm">
        {title}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('knowledge.analytics.none')}
        </Text>
      ) : (
        children
      )}
    </Card>
  );
}

function RankedCard({ title, rows }: { title: string; rows: Analytics['mostViewed'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ReportCard title={title} empty={rows.length === 0}>
        <Table.ScrollContainer minWidth={360}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('knowledge.fields.title')}</Table.Th>
                <Table.Th ta="right">{t('knowledge.views')}</Table.Th>
                <Table.Th ta="right">{t('knowledge.analytics.helpful')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const percent = helpfulPercent(row.helpfulYes, row.helpfulNo);
                return (
                  <Table.Tr key={row.id}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <LanguageBadge language={row.language} />
                        <Anchor component={Link} to={`/kb/${row.id}`} size="sm" lineClamp={1}>
                          {row.title}
                        </Anchor>
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{format.number(row.views)}</Table.Td>
                    <Table.Td ta="right" title={`${row.helpfulYes} / ${row.helpfulNo}`}>
                      {percent === null ? '—' : `${percent}% (${format.number(row.helpfulYes + row.helpfulNo)})`}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
    </ReportCard>
  );
}

function SearchesCard({ rows }: { rows: Analytics['searchesWithoutResult'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ReportCard title={t('knowledge.analytics.searchesWithoutResult')} empty={rows.length === 0}>
        <Table.ScrollContainer minWidth={360}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('knowledge.analytics.query')}</Table.Th>
                <Table.Th>{t('knowledge.fields.language')}</Table.Th>
                <Table.Th ta="right">{t('knowledge.analytics.count')}</Table.Th>
                <Table.Th>{t('knowledge.analytics.lastAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={`${row.query}\n${row.language ?? ''}`}>
                  <Table.Td>{row.query}</Table.Td>
                  <Table.Td>{row.language ? row.language.toUpperCase() : '—'}</Table.Td>
                  <Table.Td ta="right">{format.number(row.count)}</Table.Td>
                  <Table.Td>{format.dateTime(row.lastAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
    </ReportCard>
  );
}
