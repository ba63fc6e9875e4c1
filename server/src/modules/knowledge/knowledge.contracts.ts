import { z } from 'zod';
import { LANGUAGES } from '../../platform/i18n/languages.ts';

export const ARTICLE_VISIBILITIES = ['internal', 'public'] as const;
export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
/** The longest title and answer an article may have (the answer as stored HTML). */
export const TITLE_MAX = 200;
export const BODY_MAX = 200_000;

const language = z.enum(LANGUAGES);
const tag = z.string().trim().toLowerCase().min(1).max(40).regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, 'Letters, digits, spaces, - and _ only.');
const tags = z.array(tag).max(20);

export const createArticleBody = z.strictObject({
  title: z.string().trim().min(1).max(TITLE_MAX),
  body: z.string().max(BODY_MAX),
  language,
  categoryId: z.uuid().nullable().optional(),
  tags: tags.optional(),
  visibility: z.enum(ARTICLE_VISIBILITIES).default('internal'),
  status: z.enum(ARTICLE_STATUSES).default('draft'),
  /** Another article this one translates: it joins that article's group (one per language). */
  translationOf: z.uuid().optional(),
  /** A readable URL part; made from the title when absent. */
  slug: z.string().trim().toLowerCase().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(120).optional(),
});
export type CreateArticleInput = z.infer<typeof createArticleBody>;

export const updateArticleBody = z.strictObject({
  title: z.string().trim().min(1).max(TITLE_MAX).optional(),
  body: z.string().max(BODY_MAX).optional(),
  categoryId: z.uuid().nullable().optional(),
  tags: tags.optional(),
  visibility: z.enum(ARTICLE_VISIBILITIES).optional(),
  status: z.enum(ARTICLE_STATUSES).optional(),
});
export type UpdateArticleInput = z.infer<typeof updateArticleBody>;

export const searchArticlesQuery = z.object({
  q: z.string().trim().max(200).optional(),
  categoryId: z.uuid().optional(),
  tag: tag.optional(),
  language: language.optional(),
  visibility: z.enum(ARTICLE_VISIBILITIES).optional(),
  status: z.enum(ARTICLE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchArticlesQuery = z.infer<typeof searchArticlesQuery>;

export const suggestionsQuery = z.object({
  /** A ticket (id or number) whose title and latest messages are the question. */
  ticketId: z.string().trim().min(1).max(60).optional(),
  /** Or free text (a call's notes, a chat's last lines). */
  text: z.string().trim().max(4000).optional(),
  language: language.optional(),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

export const feedbackBody = z.strictObject({ helpful: z.boolean(), comment: z.string().trim().max(2000).optional() });
export const insertedBody = z.strictObject({ ticketId: z.uuid() });

const categoryNames = z.object({ en: z.string().trim().min(1).max(80), vi: z.string().trim().max(80).optional(), bg: z.string().trim().max(80).optional(), zh: z.string().trim().max(80).optional() });
const categorySlug = z.string().trim().toLowerCase().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);
const categoryPosition = z.number().int().min(0).max(10_000);

export const categoryBody = z.strictObject({
  names: categoryNames,
  parentId: z.uuid().nullable().optional(),
  position: categoryPosition.optional(),
  slug: categorySlug,
});

/** A category's edit: any of its fields (the names as a whole, English required). */
export const categoryUpdateBody = z.strictObject({
  names: categoryNames.optional(),
  parentId: z.uuid().nullable().optional(),
  position: categoryPosition.optional(),
  slug: categorySlug.optional(),
});

const snippetPart = z.object({ text: z.string(), match: z.boolean() });
const userRef = z.object({ id: z.uuid(), name: z.string() }).nullable();
const translationRef = z.object({ id: z.uuid(), language, slug: z.string(), title: z.string(), status: z.enum(ARTICLE_STATUSES) });

export const articleSummary = z.object({
  id: z.uuid(),
  groupId: z.uuid(),
  language,
  title: z.string(),
  slug: z.string(),
  categoryId: z.uuid().nullable(),
  tags: z.array(z.string()),
  visibility: z.enum(ARTICLE_VISIBILITIES),
  status: z.enum(ARTICLE_STATUSES),
  updatedAt: z.string(),
  views: z.number().int(),
  helpfulYes: z.number().int(),
  helpfulNo: z.number().int(),
  uses: z.number().int(),
  /** Where the question's words were found, the matches marked (search and suggestions only). */
  snippet: z.array(snippetPart),
});

export const articleDetail = articleSummary.extend({
  body: z.string(),
  original: z.boolean(),
  author: userRef,
  editor: userRef,
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
  translations: z.array(translationRef),
  /** Set when the reader's language was asked for and this is the original instead (KB-1 fallback). */
  fallbackFrom: language.nullable(),
});

export const articleVersion = z.object({ version: z.number().int(), title: z.string(), body: z.string(), editor: userRef, savedAt: z.string() });

export const categoryResponse = z.object({ id: z.uuid(), parentId: z.uuid().nullable(), slug: z.string(), names: z.record(z.string(), z.string()), position: z.number().int(), articles: z.number().int(), version: z.number().int() });

export const analyticsQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  language: language.optional(),
});
const ranked = z.object({ id: z.uuid(), title: z.string(), language, views: z.number().int(), helpfulYes: z.number().int(), helpfulNo: z.number().int() });
export const analyticsResponse = z.object({
  mostViewed: z.array(ranked),
  mostHelpful: z.array(ranked),
  leastHelpful: z.array(ranked),
  searchesWithoutResult: z.array(z.object({ query: z.string(), language: z.string().nullable(), count: z.number().int(), lastAt: z.string() })),
});

export const ticketDraft = z.object({ title: z.string(), body: z.string(), removed: z.array(z.string()) });
