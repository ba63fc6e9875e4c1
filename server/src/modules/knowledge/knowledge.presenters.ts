import type { ArticleDetailRow, ArticleSummaryRow } from './knowledge.repository.ts';
import { snippet } from './snippet.ts';

type Status = 'draft' | 'published' | 'archived';
type Visibility = 'internal' | 'public';
type Language = 'en' | 'vi' | 'bg' | 'zh';

export function presentSummary(a: ArticleSummaryRow, words: string[], wholeWords = false) {
  return {
    id: a.id,
    groupId: a.groupId,
    language: a.language as Language,
    title: a.title,
    slug: a.slug,
    categoryId: a.categoryId,
    tags: a.tags,
    visibility: a.visibility as Visibility,
    status: a.status as Status,
    updatedAt: a.updatedAt.toISOString(),
    views: a.views,
    helpfulYes: a.helpfulYes,
    helpfulNo: a.helpfulNo,
    uses: a.uses,
    snippet: snippet(a.bodyText, words, 220, wholeWords),
  };
}

/** Image sources as the reader may load them: the help centre serves a public article's images itself. */
const forPublic = (html: string) => html.replace(/src="\/api\/v1\/files\//g, 'src="/api/v1/help/files/');

export function presentDetail(
  a: ArticleDetailRow,
  translations: { id: string; language: string; slug: string; title: string; status: string }[],
  opts: { fallbackFrom: string | null; anonymous: boolean },
) {
  return {
    ...presentSummary(a, []),
    body: opts.anonymous ? forPublic(a.bodyHtml) : a.bodyHtml,
    original: a.original,
    author: a.author,
    editor: a.editor,
    createdAt: a.createdAt.toISOString(),
    publishedAt: a.publishedAt?.toISOString() ?? null,
    version: a.version,
    translations: translations.filter((t) => t.id !== a.id).map((t) => ({ ...t, language: t.language as Language, status: t.status as Status })),
    fallbackFrom: opts.fallbackFrom as Language | null,
  };
}
