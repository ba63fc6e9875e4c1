import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { isLanguage } from '../../../platform/i18n/languages.ts';
import { ticketQuestion } from '../../tickets/index.ts';
import type { SearchArticlesQuery } from '../knowledge.contracts.ts';
import * as search from '../article-search.repository.ts';
import type { ArticleFilters } from '../article-search.repository.ts';
import { type Audience, audienceOf, visibleArticles } from '../knowledge.policy.ts';
import { presentDetail, presentSummary } from '../knowledge.presenters.ts';
import * as repo from '../knowledge.repository.ts';
import { questionTerms, wordsOf } from '../snippet.ts';

/** Filters a reader may narrow by; a client's or anonymous reader's visibility and status are fixed by the policy. */
function filtersOf(audience: Audience, q: Partial<SearchArticlesQuery>): ArticleFilters {
  return { publicOnly: audience !== 'staff', categoryId: q.categoryId, tag: q.tag, language: q.language, visibility: q.visibility, status: q.status };
}

/**
 * KB-1 search (and the list, without words): ranked, every word must match. Searches that find
 * nothing are remembered for the KB owner (analytics), with the reader's language.
 */
export async function searchArticles(ctx: AppContext, actor: Actor | null, q: SearchArticlesQuery) {
  const audience = audienceOf(actor);
  const words = wordsOf(q.q ?? '');
  const rows = await search.searchArticles(ctx.database, { words, allWords: true, filters: filtersOf(audience, q), limit: q.limit });
  if (q.q && words.length) await repo.recordSearch(ctx.database.db, q.q, q.language ?? actor?.language ?? null, rows.length, audience);
  return { items: rows.map((r) => presentSummary(r, words)) };
}

/**
 * The FAQ for a reader in `language`: one article per group. Listed, it is the reader's translation or
 * the original (fallback). Searched, every language's version may match ("hoa don" typed in an English
 * portal still finds the Vietnamese answer) and each group shows its best match, the reader's language
 * weighing in its favour.
 */
export async function listFaq(ctx: AppContext, actor: Actor | null, language: string, q: Partial<SearchArticlesQuery> & { limit: number }) {
  const words = wordsOf(q.q ?? '');
  const searching = words.length > 0;
  const rows = await search.searchArticles(ctx.database, {
    words,
    allWords: true,
    filters: { ...filtersOf('public', { categoryId: q.categoryId, tag: q.tag }), oneOfGroupIn: searching ? undefined : language },
    preferLanguage: language,
    limit: searching ? q.limit * 4 : q.limit,
  });
  const seen = new Set<string>();
  const best = rows.filter((r) => !seen.has(r.groupId) && seen.add(r.groupId)).slice(0, q.limit);
  if (searching) await repo.recordSearch(ctx.database.db, q.q!, language, best.length, audienceOf(actor));
  return { items: best.map((r) => presentSummary(r, words)) };
}

/**
 * One article by id. With `language`, the article's translation in that language when the reader may
 * see one, else the group's original with `fallbackFrom` saying which language was asked for.
 */
export async function getArticle(ctx: AppContext, actor: Actor | null, id: string, language?: string, countView = false) {
  const db = ctx.database.db;
  const visible = visibleArticles(audienceOf(actor));
  const asked = await repo.findArticle(db, id, visible);
  if (!asked) throw notFound('article');
  return withTranslations(ctx, actor, asked, language, countView);
}

/** The help centre's stable address: /help/<language>/<slug>. */
export async function getArticleBySlug(ctx: AppContext, actor: Actor | null, language: string, slug: string, countView = false) {
  const found = await repo.findArticleBySlug(ctx.database.db, language, slug, visibleArticles(audienceOf(actor)));
  if (!found) throw notFound('article');
  return withTranslations(ctx, actor, found, undefined, countView);
}

async function withTranslations(ctx: AppContext, actor: Actor | null, asked: repo.ArticleDetailRow, language: string | undefined, countView: boolean) {
  const db = ctx.database.db;
  const visible = visibleArticles(audienceOf(actor));
  let article = asked;
  let fallbackFrom: string | null = null;
  if (language && isLanguage(language) && language !== asked.language) {
    const translated = await repo.findInGroup(db, asked.groupId, language, visible);
    if (translated) article = translated;
    else {
      fallbackFrom = language;
      article = (await repo.findInGroup(db, asked.groupId, 'original', visible)) ?? asked;
    }
  }
  // Views are readers' (KB-2 analytics): staff opening an article to edit or check it is not a view, and is not a write per read.
  if (countView && audienceOf(actor) !== 'staff') await repo.countView(db, article.id);
  const translations = await repo.translationsOf(db, article.groupId, visible);
  return presentDetail(article, translations, { fallbackFrom, anonymous: !actor });
}

export async function listVersions(ctx: AppContext, actor: Actor, id: string) {
  if (!(await repo.findArticle(ctx.database.db, id, visibleArticles(audienceOf(actor))))) throw notFound('article');
  const rows = await repo.listVersions(ctx.database.db, id);
  return { items: rows.map((v) => ({ version: v.version, title: v.title, body: v.bodyHtml, editor: v.editor, savedAt: v.savedAt.toISOString() })) };
}

/** A text's language, guessed from its script and letters (for suggestions when nobody says). */
export function guessLanguage(text: string): 'en' | 'vi' | 'bg' | 'zh' {
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  if (/\p{Script=Cyrillic}/u.test(text)) return 'bg';
  if (/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu.test(text)) return 'vi';
  return 'en';
}

/**
 * KB-1 suggestions beside a conversation: the articles most related to a ticket's question (or a
 * text: a call's notes, a chat), any word counting, in the customer's language first. Ticket: 404
 * when the caller may not see it.
 */
export async function suggestArticles(ctx: AppContext, actor: Actor, q: { ticketId?: string; text?: string; language?: string; limit: number }) {
  let text = q.text ?? '';
  let language = q.language ?? null;
  if (q.ticketId) {
    const ticket = await ticketQuestion(ctx.database.db, actor, q.ticketId);
    if (!ticket) throw notFound('ticket', [{ field: 'ticketId', message: 'No such ticket.' }]);
    text = `${ticket.text} ${text}`;
    language ??= ticket.language;
  }
  language ??= guessLanguage(text);
  const { words, phrases } = questionTerms(text);
  if (!words.length) return { language, items: [] };
  const rows = await search.searchArticles(ctx.database, {
    words,
    phrases,
    allWords: false,
    wholeWords: true,
    filters: { ...filtersOf(audienceOf(actor), {}), status: 'published' },
    preferLanguage: language,
    limit: q.limit,
  });
  return { language, items: rows.map((r) => presentSummary(r, words, true)) };
}

export async function listCategories(ctx: AppContext, actor: Actor | null) {
  const rows = await repo.listCategories(ctx.database.db, visibleArticles(audienceOf(actor)));
  return { items: rows };
}

export async function analytics(ctx: AppContext, period: repo.Period) {
  const result = await repo.analytics(ctx.database.db, period);
  const rank = (r: { id: string; title: string; language: string; views: number; yes: number; no: number }) => ({ id: r.id, title: r.title, language: r.language as 'en', views: r.views, helpfulYes: r.yes, helpfulNo: r.no });
  return {
    mostViewed: result.mostViewed.map(rank),
    mostHelpful: result.mostHelpful.map(rank),
    leastHelpful: result.leastHelpful.map(rank),
    searchesWithoutResult: result.searchesWithoutResult.map((s) => ({ ...s, lastAt: s.lastAt.toISOString() })),
  };
}

/** The help centre's sitemap: every published public article's address and last change. */
export async function sitemapEntries(ctx: AppContext) {
  const rows = await search.searchArticles(ctx.database, { words: [], allWords: true, filters: filtersOf('public', {}), limit: 50_000 });
  return rows.map((r) => ({ path: `/help/${r.language}/${r.slug}`, updatedAt: r.updatedAt }));
}

/** An image the help centre may serve to anyone: one a published public article shows. */
export function openPublicImage(ctx: AppContext, fileId: string) {
  return ctx.files.openPublic(fileId, (db, file) => repo.fileShownBy(db, file.id, visibleArticles('public')));
}
