import { Anchor, Button, Card, Group, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBook, IconChartBar, IconEye, IconFolders, IconPlus, IconSearch, IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { useCan } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useFormat } from '../../ui/format.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { AnalyticsPanel } from './AnalyticsPanel.tsx';
import { CategoriesPanel } from './CategoriesPanel.tsx';
import { LanguageBadge, Snippet, StatusBadge, VisibilityBadge } from './badges.tsx';
import {
  ARTICLE_LANGUAGES,
  ARTICLE_STATUSES,
  type ArticleLanguage,
  type ArticleQuery,
  type ArticleStatus,
  type ArticleSummary,
  useArticles,
  type Visibility,
  VISIBILITIES,
} from './knowledge.api.ts';
import { withParam } from './knowledge.helpers.ts';
import { CategorySelect, useCategoryNames } from './CategorySelect.tsx';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined => (allowed.includes(value as T) ? (value as T) : undefined);

type Tab = 'articles' | 'categories' | 'analytics';

/** KB-1: search and browse the knowledge base; its categories for the writers; analytics for those who may see them (KB-2). */
export default function KnowledgePage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tabs: Tab[] = ['articles', ...(can('knowledge.write') ? (['categories'] as const) : []), ...(can('knowledge.analytics') ? (['analytics'] as const) : [])];
  const tab = pick(params.get('tab'), tabs) ?? 'articles';
  const icons = { articles: IconBook, categories: IconFolders, analytics: IconChartBar };
  return (
    <>
      <PageHeader
        title={t('knowledge.title')}
        description={t('knowledge.subtitle')}
        actions={
          can('knowledge.write') && (
            <Button component={Link} to="/kb/new" leftSection={<IconPlus size={16} />}>
              {t('knowledge.newArticle')}
            </Button>
          )
        }
      />
      {tabs.length > 1 ? (
        <Tabs value={tab} onChange={(value) => setParams(withParam(params, 'tab', value === 'articles' ? null : value), { replace: true })} keepMounted={false}>
          <Tabs.List mb="md">
            {tabs.map((value) => {
              const Icon = icons[value];
              return (
                <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />}>
                  {t(`knowledge.tabs.${value}`)}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          <Tabs.Panel value="articles">
            <ArticleSearch />
          </Tabs.Panel>
          <Tabs.Panel value="categories">
            <CategoriesPanel />
          </Tabs.Panel>
          <Tabs.Panel value="analytics">
            <AnalyticsPanel />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <ArticleSearch />
      )}
    </>
  );
}

function ArticleSearch() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const urlQ = params.get('q') ?? '';
  const [q, setQ] = useState(urlQ);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  // The typed words go to the URL (?q=) once typing pauses, so a search can be shared and survives a reload.
  useEffect(() => {
    if (debouncedQ !== (params.get('q') ?? '')) setParams(withParam(params, 'q', debouncedQ), { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the debounced text moves the URL
  }, [debouncedQ]);
  // Back/forward (or a link) changing ?q= shows in the box.
  useEffect(() => {
    setQ((current) => (current.trim() === urlQ ? current : urlQ));
  }, [urlQ]);

  const categoryNames = useCategoryNames();

  const query: Partial<ArticleQuery> = {
    q: urlQ || undefined,
    categoryId: params.get('categoryId') || undefined,
    tag: params.get('tag')?.trim().toLowerCase() || undefined,
    language: pick<ArticleLanguage>(params.get('language'), ARTICLE_LANGUAGES),
    visibility: pick<Visibility>(params.get('visibility'), VISIBILITIES),
    status: pick<ArticleStatus>(params.get('status'), ARTICLE_STATUSES),
    limit: 50,
  };
  const list = useArticles(query);
  const set = (key: string) => (value: string | null) => setParams(withParam(params, key, value), { replace: true });
  const [tag, setTag] = useState(params.get('tag') ?? '');
  const [debouncedTag] = useDebouncedValue(tag.trim(), 400);
  useEffect(() => {
    if (debouncedTag !== (params.get('tag') ?? '')) setParams(withParam(params, 'tag', debouncedTag), { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the debounced tag moves the URL
  }, [debouncedTag]);
  const filtered = !!(query.q || query.categoryId || query.tag || query.language || query.visibility || query.status);

  return (
    <Card withBorder radius="md" padding={0}>
      <Stack p="md" gap="sm">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('knowledge.searchPlaceholder')}
          aria-label={t('knowledge.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maxLength={200}
          type="search"
        />
        <Group gap="sm" wrap="wrap">
          <CategorySelect placeholder={t('knowledge.filters.anyCategory')} aria-label={t('knowledge.fields.category')} value={query.categoryId ?? null} onChange={set('categoryId')} w={240} />
          <FilterSelect placeholder={t('knowledge.filters.anyLanguage')} label={t('knowledge.fields.language')} data={ARTICLE_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} value={query.language} onChange={set('language')} />
          <FilterSelect placeholder={t('knowledge.filters.anyVisibility')} label={t('knowledge.fields.visibility')} data={VISIBILITIES.map((v) => ({ value: v, label: t(`knowledge.visibility.${v}`) }))} value={query.visibility} onChange={set('visibility')} />
          <FilterSelect placeholder={t('knowledge.filters.anyStatus')} label={t('knowledge.fields.status')} data={ARTICLE_STATUSES.map((v) => ({ value: v, label: t(`knowledge.status.${v}`) }))} value={query.status} onChange={set('status')} />
          <TextInput placeholder={t('knowledge.filters.tag')} aria-label={t('knowledge.fields.tags')} value={tag} onChange={(e) => setTag(e.currentTarget.value)} w={160} maxLength={40} />
        </Group>
      </Stack>
      {list.isPending ? (
        <SectionLoader />
      ) : list.isError ? (
        <Stack px="md">
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        </Stack>
      ) : list.data.items.length === 0 ? (
        <EmptyState icon={IconBook} title={filtered ? t('knowledge.noResults') : t('knowledge.empty')} description={filtered ? t('knowledge.noResultsHint') : t('knowledge.emptyHint')} />
      ) : (
        <Stack gap={0} aria-busy={list.isFetching}>
          {list.data.items.map((article) => (
            <ArticleRow key={article.id} article={article} categoryName={article.categoryId ? categoryNames.get(article.categoryId) : undefined} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** One clearable filter of the list, kept in the URL by its caller. */
function FilterSelect({ label, placeholder, data, value, onChange }: { label: string; placeholder: string; data: { value: string; label: string }[]; value: string | undefined; onChange: (value: string | null) => void }) {
  return <Select placeholder={placeholder} aria-label={label} data={data} value={value ?? null} onChange={onChange} clearable w={190} />;
}

function ArticleRow({ article: a, categoryName }: { article: ArticleSummary; categoryName?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={4} px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group gap="xs" wrap="wrap" justify="space-between">
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/kb/${a.id}`} fw={600}>
            {a.title}
          </Anchor>
          <LanguageBadge language={a.language} />
          <VisibilityBadge visibility={a.visibility} />
          <StatusBadge status={a.status} />
        </Group>
        <Group gap="md" wrap="nowrap">
          <Group gap={4} wrap="nowrap" title={t('knowledge.views')}>
            <IconEye size={14} color="var(--mantine-color-dimmed)" />
            <Text size="xs" c="dimmed">
              {format.number(a.views)}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap" title={t('knowledge.helpfulYes')}>
            <IconThumbUp size={14} color="var(--mantine-color-dimmed)" />
            <Text size="xs" c="dimmed">
              {format.number(a.helpfulYes)}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap" title={t('knowledge.helpfulNo')}>
            <IconThumbDown size={14} color="var(--mantine-color-dimmed)" />
            <Text size="xs" c="dimmed">
              {format.number(a.helpfulNo)}
            </Text>
          </Group>
        </Group>
      </Group>
      <Snippet parts={a.snippet} />
      <Text size="xs" c="dimmed">
        {t('knowledge.updated', { date: format.date(a.updatedAt) })}
        {categoryName ? ` · ${categoryName}` : ''}
        {a.tags.length ? ` · ${a.tags.map((tag) => `#${tag}`).join(' ')}` : ''}
      </Text>
    </Stack>
  );
}
