import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt, version } from '../../platform/db/columns.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** KB-1 categories: nested one level (a child's parent is top-level), ordered by position. */
export const kbCategories = pgTable(
  'kb_categories',
  {
    id: id(),
    parentId: uuid('parent_id'),
    /** Stable, readable: the help centre's URL of the category. */
    slug: text('slug').notNull(),
    /** The name in each of the four languages ({ en, vi, bg, zh }); `en` always present. */
    names: jsonb('names').$type<Record<string, string>>().notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('kb_categories_slug_idx').on(t.slug), index('kb_categories_parent_idx').on(t.parentId, t.position)],
);

/**
 * KB-1 articles. One row per language; translations of one article share `groupId` (the original's
 * id), and `original` marks the language it was written in, which readers fall back to. The answer is
 * stored sanitised (`bodyHtml`) with its plain text (`bodyText`) beside it for search and snippets.
 */
export const kbArticles = pgTable(
  'kb_articles',
  {
    id: id(),
    groupId: uuid('group_id').notNull(),
    language: text('language').notNull(),
    original: boolean('original').notNull(),
    title: text('title').notNull(),
    /** Readable part of the article's URL, unique per language. */
    slug: text('slug').notNull(),
    bodyHtml: text('body_html').notNull(),
    bodyText: text('body_text').notNull(),
    /** The folded title (weight A) and text (B) with positions: phrase matching of the few best candidates (knowledge.repository.ts). */
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(sql`setweight(to_tsvector('simple'::regconfig, search_fold(title)), 'A') || setweight(to_tsvector('simple'::regconfig, search_fold(body_text)), 'B')`),
    categoryId: uuid('category_id').references(() => kbCategories.id),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** internal | public */
    visibility: text('visibility').notNull(),
    /** draft | published | archived */
    status: text('status').notNull(),
    authorId: uuid('author_id').notNull(),
    editorId: uuid('editor_id').notNull(),
    publishedAt: ts('published_at'),
    views: integer('views').notNull().default(0),
    helpfulYes: integer('helpful_yes').notNull().default(0),
    helpfulNo: integer('helpful_no').notNull().default(0),
    /** Tickets resolved with the article inserted into a reply (KB-1 suggestions). */
    uses: integer('uses').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('kb_articles_slug_idx').on(t.language, t.slug),
    uniqueIndex('kb_articles_group_language_idx').on(t.groupId, t.language),
    index('kb_articles_list_idx').on(t.status, t.visibility, t.updatedAt, t.id),
    index('kb_articles_category_idx').on(t.categoryId, t.status),
    index('kb_articles_tags_idx').using('gin', t.tags),
  ],
);

/**
 * The search index of the articles: one narrow row per article, kept by the database itself (trigger
 * kb_article_search_sync, migration 0020) whenever an article's words, tags, state or language change.
 * Narrow because ranking reads one row per matching article: in kb_articles the answer, its text and
 * its vector make a row kilobytes wide, and reading those for thousands of matches was the cost of a
 * search (docs/benchmarks.md). The vectors are stripped (words only, no positions): a word's presence
 * in the title or anywhere is what the rank weighs. Chinese, written without spaces, is indexed as its
 * overlapping character pairs (kb_han_pairs): 发票 is a pair inside 增值税发票.
 */
export const kbArticleSearch = pgTable(
  'kb_article_search',
  {
    articleId: uuid('article_id')
      .primaryKey()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id').notNull(),
    language: text('language').notNull(),
    original: boolean('original').notNull(),
    status: text('status').notNull(),
    visibility: text('visibility').notNull(),
    categoryId: uuid('category_id'),
    tags: text('tags').array().notNull(),
    updatedAt: ts('updated_at').notNull(),
    /** The folded title (search_fold: case and accents), for typos: trigram word similarity. */
    titleFold: text('title_fold').notNull(),
    /** The title's and the tags' words (a tag counts as a title word). */
    titleWords: tsvector('title_words').notNull(),
    /** Every word of the title, the tags and the text. */
    words: tsvector('words').notNull(),
  },
  // fastupdate off: a GIN index's pending list is read by every search until a vacuum merges it, and
  // embedded PGlite has no autovacuum (measured, 5,000 articles: 11 ms per index read instead of 0.06).
  // Articles change rarely; their index is read on every keystroke.
  (t) => [
    index('kb_article_search_title_words_idx').using('gin', t.titleWords).with({ fastupdate: false }),
    index('kb_article_search_words_idx').using('gin', t.words).with({ fastupdate: false }),
    index('kb_article_search_tags_idx').using('gin', t.tags).with({ fastupdate: false }),
    index('kb_article_search_title_fold_trgm_idx').using('gin', sql`${t.titleFold} gin_trgm_ops`).with({ fastupdate: false }),
  ],
);

/** The answer as it was before each save: viewable and restorable (KB-1). */
export const kbArticleVersions = pgTable(
  'kb_article_versions',
  {
    articleId: uuid('article_id').notNull().references(() => kbArticles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    bodyHtml: text('body_html').notNull(),
    editorId: uuid('editor_id').notNull(),
    savedAt: ts('saved_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.version] })],
);

/** Views per article and day: the analytics' "most viewed" for a period (the article keeps the total). */
export const kbArticleDailyViews = pgTable(
  'kb_article_daily_views',
  {
    articleId: uuid('article_id').notNull().references(() => kbArticles.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.day] }), index('kb_article_daily_views_day_idx').on(t.day)],
);

/** The files an answer shows: who may read the article may read them (the help centre serves them to anyone for a public one). */
export const kbArticleFiles = pgTable(
  'kb_article_files',
  {
    articleId: uuid('article_id').notNull().references(() => kbArticles.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.fileId] }), index('kb_article_files_file_idx').on(t.fileId)],
);

/** Articles inserted into a ticket's reply: each counts a use when the ticket is resolved (KB-1). */
export const kbArticleUses = pgTable(
  'kb_article_uses',
  {
    articleId: uuid('article_id').notNull().references(() => kbArticles.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').notNull(),
    insertedBy: uuid('inserted_by').notNull(),
    insertedAt: ts('inserted_at').notNull().defaultNow(),
    /** When the ticket was resolved and the use counted (a reopened and re-resolved ticket counts once). */
    countedAt: ts('counted_at'),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.ticketId] }), index('kb_article_uses_ticket_idx').on(t.ticketId)],
);

/** "Was this helpful?" answers (KB-2): counted on the article, kept with their comments for the owner. */
export const kbFeedback = pgTable(
  'kb_feedback',
  {
    id: id(),
    articleId: uuid('article_id').notNull().references(() => kbArticles.id, { onDelete: 'cascade' }),
    helpful: boolean('helpful').notNull(),
    comment: text('comment'),
    userId: uuid('user_id'),
    createdAt: createdAt(),
  },
  (t) => [index('kb_feedback_article_idx').on(t.articleId, t.createdAt)],
);

/** Searches and how many results they found (KB analytics: what people look for and do not find). */
export const kbSearches = pgTable(
  'kb_searches',
  {
    id: id(),
    query: text('query').notNull(),
    language: text('language'),
    results: integer('results').notNull(),
    /** staff | client | public */
    audience: text('audience').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('kb_searches_created_idx').on(t.createdAt), index('kb_searches_empty_idx').on(t.createdAt).where(sql`${t.results} = 0`)],
);
