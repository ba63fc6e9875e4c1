import { Alert, Anchor, Breadcrumbs, Button, Card, Grid, Group, Input, Menu, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { IconArrowBackUp, IconBookOff, IconDeviceFloppy, IconHistory, IconLanguage, IconLock, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { useCan } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { useFormat } from '../../ui/format.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { FormError, QueryError } from '../../ui/QueryError.tsx';
import { StaleNotice } from '../../ui/StaleNotice.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { ArticleBody } from './ArticleBody.tsx';
import { LanguageBadge, StatusBadge, VisibilityBadge } from './badges.tsx';
import {
  ARTICLE_LANGUAGES,
  ARTICLE_STATUSES,
  type ArticleDetail,
  type ArticleLanguage,
  type ArticleStatus,
  TITLE_MAX,
  type TicketDraft,
  type UpdateArticle,
  useArticle,
  useCreateArticle,
  useTicketDraft,
  useUpdateArticle,
  type Visibility,
  VISIBILITIES,
} from './knowledge.api.ts';
import { CategorySelect, useCategoryNames } from './CategorySelect.tsx';
import { mergeChanged } from './knowledge.helpers.ts';
import { RichTextField } from './RichTextField.tsx';
import { UnsavedGuard } from './UnsavedGuard.tsx';
import { VersionsDrawer } from './VersionsDrawer.tsx';

interface Draft {
  title: string;
  body: string;
  language: ArticleLanguage;
  categoryId: string | null;
  tags: string[];
  visibility: Visibility;
  status: ArticleStatus;
}

const draftOf = (a: ArticleDetail): Draft => ({ title: a.title, body: a.body, language: a.language, categoryId: a.categoryId, tags: a.tags, visibility: a.visibility, status: a.status });
const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((tag, i) => tag === b[i]);

/** The fields of `draft` that differ from `base`: a PATCH sends only what the user changed. */
function changesOf(base: ArticleDetail, draft: Draft): UpdateArticle {
  const body: UpdateArticle = {};
  if (draft.title.trim() !== base.title) body.title = draft.title.trim();
  if (draft.body !== base.body) body.body = draft.body;
  if (draft.categoryId !== base.categoryId) body.categoryId = draft.categoryId;
  if (!sameTags(draft.tags, base.tags)) body.tags = draft.tags;
  if (draft.visibility !== base.visibility) body.visibility = draft.visibility;
  if (draft.status !== base.status) body.status = draft.status;
  return body;
}

function notFound(error: unknown) {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}

function Missing() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={IconBookOff}
      title={t('knowledge.notFound')}
      description={t('knowledge.notFoundHint')}
      action={
        <Button component={Link} to="/kb" variant="default">
          {t('knowledge.backToList')}
        </Button>
      }
    />
  );
}

/** `/kb/:id`: an article, as an editor for knowledge.write, else read-only. */
export default function ArticlePage() {
  const { id = '' } = useParams();
  const can = useCan();
  const article = useArticle(id);
  if (article.isPending) return <SectionLoader />;
  if (article.isError) return notFound(article.error) ? <Missing /> : <QueryError error={article.error} onRetry={() => void article.refetch()} />;
  return can('knowledge.write') ? <ArticleEditor key={article.data.id} article={article.data} /> : <ArticleReader article={article.data} />;
}

/** `/kb/new` (optionally ?translationOf=<id>&language=<lang>, prefilled with the original). */
export function NewArticlePage() {
  const [params] = useSearchParams();
  const translationOf = params.get('translationOf') ?? undefined;
  const language = (ARTICLE_LANGUAGES as string[]).includes(params.get('language') ?? '') ? (params.get('language') as ArticleLanguage) : undefined;
  const original = useArticle(translationOf);
  // ?fromTicket=<id>: a resolved ticket's answer, its client's personal details already replaced by the server.
  const fromTicket = params.get('fromTicket') ?? undefined;
  const ticketDraft = useTicketDraft(fromTicket);
  if ((translationOf && original.isPending) || (fromTicket && ticketDraft.isPending)) return <SectionLoader />;
  if (translationOf && original.isError) return notFound(original.error) ? <Missing /> : <QueryError error={original.error} onRetry={() => void original.refetch()} />;
  if (fromTicket && ticketDraft.isError) return <QueryError error={ticketDraft.error} onRetry={() => void ticketDraft.refetch()} />;
  return <ArticleEditor key={`${translationOf ?? fromTicket ?? 'new'}-${language ?? ''}`} original={original.data} language={language} prefill={ticketDraft.data} />;
}

function Breadcrumb({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs mb="xs">
      <Anchor component={Link} to="/kb" size="sm">
        {t('knowledge.title')}
      </Anchor>
      <Text size="sm" lineClamp={1}>
        {title}
      </Text>
    </Breadcrumbs>
  );
}

function Meta({ article: a }: { article: ArticleDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Text size="xs" c="dimmed">
      {t('knowledge.meta', {
        version: a.version,
        editor: a.editor?.name ?? a.author?.name ?? '—',
        date: format.dateTime(a.updatedAt),
      })}
    </Text>
  );
}

/** The article's other languages, linked; "Add translation" for the languages it lacks. */
function Translations({ article: a, canWrite }: { article: ArticleDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const others = a.translations.filter((tr) => tr.id !== a.id);
  const missing = ARTICLE_LANGUAGES.filter((l) => l !== a.language && !a.translations.some((tr) => tr.language === l));
  return (
    <Card withBorder radius="md">
      <Group gap="xs" mb="xs">
        <IconLanguage size={16} />
        <Text fw={600} size="sm">
          {t('knowledge.translations.title')}
        </Text>
      </Group>
      <Stack gap={6}>
        {others.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('knowledge.translations.none')}
          </Text>
        )}
        {others.map((tr) => (
          <Group key={tr.id} gap="xs" wrap="nowrap">
            <LanguageBadge language={tr.language} />
            <Anchor component={Link} to={`/kb/${tr.id}`} size="sm" lineClamp={1} style={{ flex: 1, minWidth: 0 }}>
              {tr.title}
            </Anchor>
            <StatusBadge status={tr.status} />
          </Group>
        ))}
        {canWrite && missing.length > 0 && (
          <Menu position="bottom-start">
            <Menu.Target>
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} w="fit-content">
                {t('knowledge.translations.add')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {missing.map((l) => (
                <Menu.Item key={l} component={Link} to={`/kb/new?translationOf=${encodeURIComponent(a.id)}&language=${l}`}>
                  {LANGUAGE_NAMES[l]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Stack>
    </Card>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return (
    <Card withBorder radius="md">
      <Stack gap="xs">{children}</Stack>
    </Card>
  );
}

/** knowledge.read without write: the sanitised answer, its facts and translations. */
function ArticleReader({ article: a }: { article: ArticleDetail }) {
  const { t } = useTranslation();
  const category = useCategoryNames().get(a.categoryId ?? '');
  return (
    <>
      <Breadcrumb title={a.title} />
      <Stack gap={6} mb="md">
        <Title order={2}>{a.title}</Title>
        <Group gap={6}>
          <LanguageBadge language={a.language} />
          <VisibilityBadge visibility={a.visibility} />
          <StatusBadge status={a.status} />
        </Group>
        <Meta article={a} />
      </Stack>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder radius="md">
            <ArticleBody html={a.body} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Facts>
              <Text size="xs" c="dimmed">
                {t('knowledge.fields.category')}
              </Text>
              <Text size="sm">{category ?? t('knowledge.noCategory')}</Text>
              <Text size="xs" c="dimmed">
                {t('knowledge.fields.tags')}
              </Text>
              <Text size="sm">{a.tags.length ? a.tags.map((tag) => `#${tag}`).join(' ') : '—'}</Text>
            </Facts>
            <Translations article={a} canWrite={false} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

/**
 * The editor: a new article (or translation) when `article` is absent, else an edit saved with
 * If-Match. A 412 keeps the user's text: after "Reload" the editor still holds it, the other person's
 * version is shown beside it, and saving again applies the user's text over the fresh version.
 */
function ArticleEditor({ article, original, language, prefill }: { article?: ArticleDetail; original?: ArticleDetail; language?: ArticleLanguage; prefill?: TicketDraft }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [base, setBase] = useState<ArticleDetail | undefined>(article);
  const [draft, setDraft] = useState<Draft>(() =>
    article
      ? draftOf(article)
      : {
          title: original?.title ?? prefill?.title ?? '',
          body: original?.body ?? prefill?.body ?? '',
          language: language ?? (original ? (ARTICLE_LANGUAGES.find((l) => !original.translations.some((tr) => tr.language === l) && l !== original.language) ?? 'en') : (ARTICLE_LANGUAGES.find((l) => l === i18n.language) ?? 'en')),
          categoryId: original?.categoryId ?? null,
          tags: original?.tags ?? [],
          visibility: original?.visibility ?? 'internal',
          status: 'draft',
        },
  );
  const [editorKey, setEditorKey] = useState(0);
  const [stale, setStale] = useState(false);
  /** After a 412 and a reload: the version someone else saved, shown beside the user's kept text. */
  const [theirs, setTheirs] = useState<ArticleDetail | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [versionsOpen, setVersionsOpen] = useState(false);
  /** Set once a new article is created: the move to its page is not "leaving unsaved work". */
  const created = useRef(false);
  const create = useCreateArticle();
  const update = useUpdateArticle();
  const fresh = useArticle(base?.id, false);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
  };
  const changes = base ? changesOf(base, draft) : null;
  const dirty = base ? Object.keys(changes!).length > 0 : true;
  const saving = create.isPending || update.isPending;

  const showError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 412) {
      setStale(true);
      return;
    }
    if (error instanceof ApiError && error.code === 'publish_not_allowed') {
      setErrors({ status: t('knowledge.publishNotAllowed') });
      setFormError(t('knowledge.publishNotAllowedHint'));
      return;
    }
    const fieldErrors: Partial<Record<keyof Draft, string>> = {};
    if (error instanceof ApiError) for (const e of error.errors) {
      const key = e.field.split('.')[0] as keyof Draft;
      if (key in draft) fieldErrors[key] = e.message;
    }
    setErrors(fieldErrors);
    setFormError(errorMessage(t, error));
  };

  const save = async () => {
    setFormError(null);
    setErrors({});
    if (!draft.title.trim()) {
      setErrors({ title: t('knowledge.titleRequired') });
      return;
    }
    try {
      if (!base) {
        const newArticle = await create.mutateAsync({
          title: draft.title.trim(),
          body: draft.body,
          language: draft.language,
          categoryId: draft.categoryId,
          tags: draft.tags,
          visibility: draft.visibility,
          status: draft.status,
          translationOf: original?.id,
        });
        toastSuccess(t('knowledge.created'));
        created.current = true;
        void navigate(`/kb/${newArticle.id}`, { replace: true });
        return;
      }
      if (!dirty) return;
      const saved = await update.mutateAsync({ id: base.id, version: base.version, body: changes! });
      toastSuccess(t('knowledge.saved'));
      setBase(saved);
      setDraft(draftOf(saved));
      setTheirs(null);
      setEditorKey((k) => k + 1); // what the server stored (sanitised) is what the editor shows now
    } catch (error) {
      showError(error);
    }
  };

  /**
   * After a 412: fetch the version someone else saved. What the user changed stays as they left it; what
   * they did not touch takes the other person's value, so saving again does not undo the other edit.
   */
  const reload = async () => {
    const result = await fresh.refetch();
    if (!result.data || !base) return;
    const merged = mergeChanged(draftOf(base), draft, draftOf(result.data));
    if (merged.body !== draft.body) setEditorKey((k) => k + 1);
    setDraft(merged);
    setBase(result.data);
    setTheirs(result.data);
    setStale(false);
    setFormError(null);
  };

  /** Drop the user's text and take the other person's version. */
  const takeTheirs = () => {
    if (!theirs) return;
    setDraft(draftOf(theirs));
    setTheirs(null);
    setEditorKey((k) => k + 1);
  };

  const onRestored = (restored: ArticleDetail) => {
    setBase(restored);
    setDraft(draftOf(restored));
    setTheirs(null);
    setEditorKey((k) => k + 1);
  };

  const heading = base ? draft.title || base.title : original ? t('knowledge.newTranslation', { title: original.title }) : t('knowledge.newArticle');

  return (
    <>
      <Breadcrumb title={heading} />
      <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={2}>{heading}</Title>
          {base && <Meta article={base} />}
          {!base && original && (
            <Text size="sm" c="dimmed">
              {t('knowledge.translations.of', { title: original.title, language: LANGUAGE_NAMES[original.language] })}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {base && (
            <Button variant="default" leftSection={<IconHistory size={16} />} onClick={() => setVersionsOpen(true)}>
              {t('knowledge.versions.open')}
            </Button>
          )}
          <Button leftSection={<IconDeviceFloppy size={16} />} onClick={() => void save()} loading={saving} disabled={!!base && !dirty}>
            {base ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Group>
      <Stack gap="md">
        {stale && <StaleNotice message={t('knowledge.stale')} onReload={() => void reload()} reloading={fresh.isFetching} />}
        <FormError message={formError} />
        {prefill && !base && (
          <Alert color="yellow" variant="light" title={t('knowledge.fromTicket.title')}>
            <Text size="sm">{prefill.removed.length ? t('knowledge.fromTicket.removed', { items: prefill.removed.join(', ') }) : t('knowledge.fromTicket.nothingRemoved')}</Text>
            <Text size="sm">{t('knowledge.fromTicket.review')}</Text>
          </Alert>
        )}
        {theirs && (
          <Alert color="blue" variant="light" title={t('knowledge.merge.title')}>
            <Stack gap="xs">
              <Text size="sm">{t('knowledge.merge.hint', { editor: theirs.editor?.name ?? '—', version: theirs.version })}</Text>
              <Group gap="xs">
                <Button size="xs" variant="light" leftSection={<IconArrowBackUp size={14} />} onClick={takeTheirs}>
                  {t('knowledge.merge.takeTheirs')}
                </Button>
                <Button size="xs" variant="subtle" onClick={() => setTheirs(null)}>
                  {t('knowledge.merge.hide')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: theirs ? 6 : 8 }}>
            <Stack gap="md">
              <TextInput
                label={t('knowledge.fields.title')}
                value={draft.title}
                onChange={(e) => set('title', e.currentTarget.value)}
                maxLength={TITLE_MAX}
                required
                error={errors.title}
                description={`${draft.title.length}/${TITLE_MAX}`}
              />
              <Input.Wrapper label={t('knowledge.fields.body')} error={errors.body}>
                <RichTextField key={editorKey} initialHtml={draft.body} onChange={(html) => set('body', html)} label={t('knowledge.fields.body')} />
              </Input.Wrapper>
            </Stack>
          </Grid.Col>
          {theirs && (
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Card withBorder radius="md">
                <Text size="xs" c="dimmed" mb={4}>
                  {t('knowledge.merge.theirs', { version: theirs.version })}
                </Text>
                <Text fw={600} mb="sm">
                  {theirs.title}
                </Text>
                <ArticleBody html={theirs.body} />
              </Card>
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, md: theirs ? 12 : 4 }}>
            <Stack gap="md">
              <Card withBorder radius="md">
                <SimpleGrid cols={theirs ? { base: 1, sm: 2, md: 4 } : 1} spacing="sm">
                  <Select
                    label={t('knowledge.fields.language')}
                    data={ARTICLE_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
                    value={draft.language}
                    onChange={(v) => v && set('language', v as ArticleLanguage)}
                    disabled={!!base}
                    allowDeselect={false}
                    leftSection={base ? <IconLock size={14} /> : undefined}
                    error={errors.language}
                  />
                  <CategorySelect
                    label={t('knowledge.fields.category')}
                    placeholder={t('knowledge.noCategory')}
                    value={draft.categoryId}
                    onChange={(v) => set('categoryId', v)}
                    error={errors.categoryId}
                  />
                  <TagsInput
                    label={t('knowledge.fields.tags')}
                    description={t('knowledge.tagsHint')}
                    value={draft.tags}
                    onChange={(v) => set('tags', [...new Set(v.map((tag) => tag.trim().toLowerCase()).filter(Boolean))])}
                    maxTags={20}
                    clearable
                    error={errors.tags}
                  />
                  <Select
                    label={t('knowledge.fields.visibility')}
                    data={VISIBILITIES.map((v) => ({ value: v, label: t(`knowledge.visibility.${v}`) }))}
                    value={draft.visibility}
                    onChange={(v) => v && set('visibility', v as Visibility)}
                    allowDeselect={false}
                    description={t(`knowledge.visibilityHint.${draft.visibility}`)}
                    error={errors.visibility}
                  />
                  <Select
                    label={t('knowledge.fields.status')}
                    data={ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`knowledge.status.${s}`) }))}
                    value={draft.status}
                    onChange={(v) => v && set('status', v as ArticleStatus)}
                    allowDeselect={false}
                    error={errors.status}
                  />
                </SimpleGrid>
              </Card>
              {base && <Translations article={base} canWrite />}
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
      <UnsavedGuard when={base ? dirty : !!(draft.title.trim() || draft.body)} bypass={created} />
      {base && <VersionsDrawer article={base} opened={versionsOpen} onClose={() => setVersionsOpen(false)} canRestore={!dirty} restoreHint={dirty ? t('knowledge.versions.saveFirst') : undefined} onRestored={onRestored} />}
    </>
  );
}
