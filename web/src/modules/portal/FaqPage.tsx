import { Anchor, Card, Chip, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBook2, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SectionLoader } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { SnippetText } from '../../ui/SnippetText.tsx';
import { type FaqCategory, useFaq, useFaqCategories } from './faq.api.ts';

export const categoryName = (c: FaqCategory, language: string) => c.names[language] ?? c.names.en ?? c.slug;

/** The FAQ in the portal (KB-2): search as you type (accents optional), categories, in the reader's language or the original. */
export default function FaqPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const categoryId = params.get('category');
  const faq = useFaq(language, debounced, categoryId);
  const categories = useFaqCategories();
  const topLevel = (categories.data?.items ?? []).filter((c) => !c.parentId && c.articles + (categories.data?.items ?? []).filter((x) => x.parentId === c.id).reduce((n, x) => n + x.articles, 0) > 0);
  const nameOf = (id: string | null) => {
    const c = categories.data?.items.find((x) => x.id === id);
    return c ? categoryName(c, language) : '';
  };

  return (
    <>
      <PageHeader title={t('portalFaq.title')} description={t('portalFaq.subtitle')} />
      <Stack gap="md">
        <TextInput
          size="md"
          leftSection={<IconSearch size={18} />}
          placeholder={t('portalFaq.searchPlaceholder')}
          aria-label={t('portalFaq.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setParams((p) => (e.currentTarget.value ? p.set('q', e.currentTarget.value) : p.delete('q'), p), { replace: true });
          }}
        />
        <Chip.Group multiple={false} value={categoryId ?? ''} onChange={(v) => setParams((p) => (v ? p.set('category', String(v)) : p.delete('category'), p), { replace: true })}>
          <Group gap="xs">
            <Chip value="" size="sm">
              {t('portalFaq.allCategories')}
            </Chip>
            {topLevel.map((c) => (
              <Chip key={c.id} value={c.id} size="sm">
                {categoryName(c, language)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {faq.isPending ? (
          <SectionLoader />
        ) : faq.isError ? (
          <QueryError error={faq.error} onRetry={() => void faq.refetch()} />
        ) : faq.data.items.length === 0 ? (
          <EmptyState icon={IconBook2} title={t('portalFaq.none')} description={t('portalFaq.noneHint')} />
        ) : (
          <Stack gap="sm">
            {faq.data.items.map((a) => (
              <Card key={a.id} withBorder radius="md" padding="md" data-testid="faq-article">
                <Anchor component={Link} to={`/portal/faq/${a.language}/${a.slug}`} fw={600}>
                  {a.title}
                </Anchor>
                <Group gap="xs" mt={2}>
                  {a.categoryId && (
                    <Text size="xs" c="dimmed">
                      {nameOf(a.categoryId)}
                    </Text>
                  )}
                  {a.language !== language && (
                    <Text size="xs" c="dimmed">
                      · {t('portalFaq.inLanguage', { language: a.language.toUpperCase() })}
                    </Text>
                  )}
                </Group>
                <SnippetText parts={a.snippet} />
              </Card>
            ))}
          </Stack>
        )}
        <Text size="sm" c="dimmed">
          {t('portalFaq.publicHint')}{' '}
          <Anchor href={`/help/${language}`} target="_blank" rel="noopener">
            /help
          </Anchor>
        </Text>
      </Stack>
    </>
  );
}
