import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { userRef } from '../identity/index.ts';
import { kbArticleFiles, kbArticles, kbArticleUses, kbArticleVersions, kbCategories, kbFeedback, kbSearches } from './knowledge.tables.ts';

export type ArticleRow = typeof kbArticles.$inferSelect;

/**
 * A column of the outer row, qualified, for correlated subqueries: Drizzle writes a one-table select's
 * columns unqualified ("id"), which inside a subquery would name the subquery's own column instead.
 */
const outerArticle = (column: string) => sql.raw(`"kb_articles"."${column}"`);

const summaryColumns = {
  id: kbArticles.id,
  groupId: kbArticles.groupId,
  language: kbArticles.language,
  title: kbArticles.title,
  slug: kbArticles.slug,
  categoryId: kbArticles.categoryId,
  tags: kbArticles.tags,
  visibility: kbArticles.visibility,
  status: kbArticles.status,
  updatedAt: kbArticles.updatedAt,
  views: kbArticles.views,
  helpfulYes: kbArticles.helpfulYes,
  helpfulNo: kbArticles.helpfulNo,
  uses: kbArticles.uses,
  bodyText: kbArticles.bodyText,
};
export type ArticleSummaryRow = { [K in keyof typeof summaryColumns]: (typeof kbArticles.$inferSelect)[K] };

const detailColumns = {
  ...summaryColumns,
  bodyHtml: kbArticles.bodyHtml,
  original: kbArticles.original,
  createdAt: kbArticles.createdAt,
  publishedAt: kbArticles.publishedAt,
  version: kbArticles.version,
  authorId: kbArticles.authorId,
  author: userRef(outerArticle('author_id')),
  editor: userRef(outerArticle('editor_id')),
};
export type ArticleDetailRow = Awaited<ReturnType<typeof findArticle>> & {};

/** Only what a client and an anonymous reader may see: published public articles (KB-2). */
export const publishedPublic = sql`(${kbArticles.status} = 'published' and ${kbArticles.visibility} = 'public')`;

export async function insertArticle(tx: Db, row: typeof kbArticles.$inferInsert): Promise<void> {
  await tx.insert(kbArticles).values(row);
}

export async function findArticle(db: Db, id: string, visible: SQL) {
  const [row] = await db.select(detailColumns).from(kbArticles).where(and(eq(kbArticles.id, id), visible));
  return row ?? null;
}

export async function findArticleBySlug(db: Db, language: string, slug: string, visible: SQL) {
  const [row] = await db.select(detailColumns).from(kbArticles).where(and(eq(kbArticles.language, language), eq(kbArticles.slug, slug), visible));
  return row ?? null;
}

/** One group's member in a language (a translation), or the group's original. */
export async function findInGroup(db: Db, groupId: string, language: string | 'original', visible: SQL) {
  const which = language === 'original' ? eq(kbArticles.original, true) : eq(kbArticles.language, language);
  const [row] = await db.select(detailColumns).from(kbArticles).where(and(eq(kbArticles.groupId, groupId), which, visible));
  return row ?? null;
}

export async function translationsOf(db: Db, groupId: string, visible: SQL) {
  return db
    .select({ id: kbArticles.id, language: kbArticles.language, slug: kbArticles.slug, title: kbArticles.title, status: kbArticles.status })
    .from(kbArticles)
    .where(and(eq(kbArticles.groupId, groupId), visible))
    .orderBy(asc(kbArticles.language));
}

/** The row for an update, locked: its version decides whether the save is stale. */
export async function lockArticle(tx: Db, id: string) {
  const [row] = await tx.select().from(kbArticles).where(eq(kbArticles.id, id)).for('update');
  return row ?? null;
}

export async function updateArticle(tx: Db, id: string, patch: Partial<typeof kbArticles.$inferInsert>): Promise<void> {
  await tx.update(kbArticles).set({ ...patch, updatedAt: sql`now()`, version: sql`${kbArticles.version} + 1` }).where(eq(kbArticles.id, id));
}

export async function insertVersion(tx: Db, row: typeof kbArticleVersions.$inferInsert): Promise<void> {
  await tx.insert(kbArticleVersions).values(row);
}

export async function listVersions(db: Db, articleId: string) {
  return db
    .select({ version: kbArticleVersions.version, title: kbArticleVersions.title, bodyHtml: kbArticleVersions.bodyHtml, savedAt: kbArticleVersions.savedAt, editor: userRef(sql.raw('"kb_article_versions"."editor_id"')) })
    .from(kbArticleVersions)
    .where(eq(kbArticleVersions.articleId, articleId))
    .orderBy(desc(kbArticleVersions.version));
}

export async function findVersion(db: Db, articleId: string, version: number) {
  const [row] = await db.select().from(kbArticleVersions).where(and(eq(kbArticleVersions.articleId, articleId), eq(kbArticleVersions.version, version)));
  return row ?? null;
}

export async function slugTaken(db: Db, language: string, slug: string, exceptId?: string): Promise<boolean> {
  const rows = await db.select({ id: kbArticles.id }).from(kbArticles).where(and(eq(kbArticles.language, language), eq(kbArticles.slug, slug)));
  return rows.some((r) => r.id !== exceptId);
}

/** The files an answer shows, replaced as a whole on every save. */
export async function setArticleFiles(tx: Db, articleId: string, fileIds: string[]): Promise<void> {
  await tx.delete(kbArticleFiles).where(eq(kbArticleFiles.articleId, articleId));
  if (fileIds.length) await tx.insert(kbArticleFiles).values(fileIds.map((fileId) => ({ articleId, fileId })));
}

/** Whether a file is shown by an article the reader may see (`visible` filters the articles). */
export async function fileShownBy(db: Db, fileId: string, visible: SQL): Promise<boolean> {
  const rows = await db
    .select({ id: kbArticles.id })
    .from(kbArticleFiles)
    .innerJoin(kbArticles, eq(kbArticles.id, kbArticleFiles.articleId))
    .where(and(eq(kbArticleFiles.fileId, fileId), visible))
    .limit(1);
  return rows.length > 0;
}

export interface SearchSpec {
  /** Folded words of the question (accent- and case-free); empty lists the newest. */
  words: string[];
  /** true: every word must match (search); false: the more words match the better (suggestions). */
  allWords: boolean;
  where: SQL[];
  /** Articles in this language rank first (suggestions: the customer's language). */
  preferLanguage?: string;
  /** Match Latin/Cyrillic words whole, not as parts of longer words (suggestions: "hoa" must not match "hoàn"). */
  wholeWords?: boolean;
  /** Adjacent word pairs of the question, each matched as a phrase, weighing most (suggestions). */
  phrases?: string[];
  /** The least relevance worth showing (a title word is 3, a text word 1, a phrase 4–8; the reader's language not counted). */
  minScore?: number;
  limit: number;
}

/**
 * KB-1 search, ranked. A word matches an article when it is part of the folded title or text (LIKE
 * over the trigram indexes: partial words, any script, CJK without spaces), is one of its tags, or —
 * for a Latin word of four letters or more — is close to a word of the title or text (trigram word
 * similarity: typos). The rank weighs title matches over text matches, tags, and how close the
 * typo-tolerant matches are.
 */
export async function searchArticles(db: Db, spec: SearchSpec) {
  const title = sql`search_fold(${kbArticles.title})`;
  const text = sql`search_fold(${kbArticles.bodyText})`;
  const perWord = spec.words.map((word) => {
    const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const fuzzy = !spec.wholeWords && /^[a-z]{4,}$/.test(word);
    // Words are letters and digits only (wordsOf), so they need no regex escaping; CJK has no word boundaries.
    const whole = spec.wholeWords && !/\p{Script=Han}/u.test(word);
    const inTitle = whole ? sql`${title} ~ ${`\\m${word}\\M`}` : sql`${title} like ${like}`;
    const inText = whole ? sql`${text} ~ ${`\\m${word}\\M`}` : sql`${text} like ${like}`;
    const exact = sql`(${inTitle} or ${inText} or ${word} = any(${kbArticles.tags}))`;
    const matches = fuzzy ? sql`(${exact} or ${word} <% ${title} or ${word} <% ${text})` : exact;
    const score = sql`(case when ${inTitle} then 3 else 0 end + case when ${inText} then 1 else 0 end + case when ${word} = any(${kbArticles.tags}) then 2 else 0 end${
      fuzzy ? sql` + word_similarity(${word}, ${title}) * 2 + word_similarity(${word}, ${text})` : sql``
    })`;
    return { matches, score };
  });
  const conds = [...spec.where];
  if (perWord.length) conds.push(spec.allWords ? and(...perWord.map((w) => w.matches))! : sql`(${sql.join(perWord.map((w) => w.matches), sql` or `)})`);
  const scores = perWord.map((w) => sql`case when ${w.matches} then ${w.score} else 0 end`);
  for (const phrase of spec.phrases ?? []) {
    const like = `%${phrase.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    scores.push(sql`case when ${title} like ${like} then 8 when ${text} like ${like} then 4 else 0 end`);
  }
  if (spec.minScore && scores.length) conds.push(sql`(${sql.join(scores, sql` + `)}) >= ${spec.minScore}`);
  // The reader's language weighs like a title match: it lifts an article over equally related ones, not over better ones.
  if (spec.preferLanguage) scores.push(sql`case when ${kbArticles.language} = ${spec.preferLanguage} then 3 else 0 end`);
  const byRank = scores.length ? [sql`(${sql.join(scores, sql` + `)}) desc`] : [];
  return db
    .select(summaryColumns)
    .from(kbArticles)
    .where(and(...conds))
    .orderBy(...byRank, desc(kbArticles.updatedAt), desc(kbArticles.id))
    .limit(spec.limit);
}

export const articleFilters = {
  category: (id: string) => sql`(${kbArticles.categoryId} = ${id} or ${kbArticles.categoryId} in (select c.id from kb_categories c where c.parent_id = ${id}))`,
  tag: (tag: string) => sql`${tag} = any(${kbArticles.tags})`,
  language: (language: string) => eq(kbArticles.language, language),
  visibility: (visibility: string) => eq(kbArticles.visibility, visibility),
  status: (status: string) => eq(kbArticles.status, status),
  /** One article per group: the one in `language` when there is one, else the original (KB-1 fallback). */
  oneOfGroupIn: (language: string) =>
    sql`(${kbArticles.language} = ${language} or (${kbArticles.original} and not exists (select 1 from kb_articles t where t.group_id = ${outerArticle('group_id')} and t.language = ${language} and t.status = 'published' and t.visibility = ${outerArticle('visibility')})))`,
};

/** A view counted on the article and on its day, in one statement. */
export async function countView(db: Db, articleId: string): Promise<void> {
  await db.execute(sql`with a as (update kb_articles set views = views + 1 where id = ${articleId} returning id)
    insert into kb_article_daily_views (article_id, day, views) select id, current_date, 1 from a
    on conflict (article_id, day) do update set views = kb_article_daily_views.views + 1`);
}

export async function addFeedback(tx: Db, articleId: string, helpful: boolean, comment: string | null, userId: string | null): Promise<void> {
  await tx.insert(kbFeedback).values({ articleId, helpful, comment, userId });
  await tx
    .update(kbArticles)
    .set(helpful ? { helpfulYes: sql`${kbArticles.helpfulYes} + 1` } : { helpfulNo: sql`${kbArticles.helpfulNo} + 1` })
    .where(eq(kbArticles.id, articleId));
}

export async function recordSearch(db: Db, query: string, language: string | null, results: number, audience: string): Promise<void> {
  await db.insert(kbSearches).values({ query: query.slice(0, 200), language, results, audience });
}

export async function noteInserted(db: Db, articleId: string, ticketId: string, userId: string): Promise<void> {
  await db.insert(kbArticleUses).values({ articleId, ticketId, insertedBy: userId }).onConflictDoNothing();
}

/** A ticket was resolved: each article inserted into its replies counts one use, once per ticket. */
export async function countUses(db: Db, ticketId: string): Promise<number> {
  const rows = await db.execute<{ article_id: string }>(sql`with u as (
      update kb_article_uses set counted_at = now() where ticket_id = ${ticketId} and counted_at is null returning article_id)
    update kb_articles a set uses = a.uses + 1 from u where a.id = u.article_id returning a.id as article_id`);
  return (rows as unknown as unknown[]).length;
}

export async function listCategories(db: Db, countVisible: SQL) {
  return db
    .select({
      id: kbCategories.id,
      parentId: kbCategories.parentId,
      slug: kbCategories.slug,
      names: kbCategories.names,
      position: kbCategories.position,
      articles: sql<number>`(select count(*)::int from kb_articles where kb_articles.category_id = ${sql.raw('"kb_categories"."id"')} and ${countVisible})`,
    })
    .from(kbCategories)
    .orderBy(asc(kbCategories.position), asc(kbCategories.slug));
}

export async function findCategory(db: Db, id: string) {
  const [row] = await db.select().from(kbCategories).where(eq(kbCategories.id, id));
  return row ?? null;
}

export async function findCategoryBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(kbCategories).where(eq(kbCategories.slug, slug));
  return row ?? null;
}

export async function insertCategory(tx: Db, row: typeof kbCategories.$inferInsert): Promise<string> {
  const [created] = await tx.insert(kbCategories).values(row).returning({ id: kbCategories.id });
  return created.id;
}

export async function categoriesByIds(db: Db, ids: string[]) {
  return ids.length ? db.select().from(kbCategories).where(inArray(kbCategories.id, ids)) : [];
}

export interface Period {
  from?: string;
  to?: string;
  language?: string;
}

const ranked = { id: kbArticles.id, title: kbArticles.title, language: kbArticles.language, helpfulYes: kbArticles.helpfulYes, helpfulNo: kbArticles.helpfulNo };

/** KB analytics over a period (days, inclusive; all time without bounds), optionally one language. */
export async function analytics(db: Db, p: Period) {
  const inPeriod = (column: SQL) => sql.join([sql`true`, ...(p.from ? [sql`${column} >= ${p.from}::date`] : []), ...(p.to ? [sql`${column} < ${p.to}::date + 1`] : [])], sql` and `);
  const lang = p.language ? eq(kbArticles.language, p.language) : sql`true`;
  const id = outerArticle('id');
  const views = sql<number>`coalesce((select sum(d.views)::int from kb_article_daily_views d where d.article_id = ${id} and ${inPeriod(sql`d.day`)}), 0)`;
  const yes = sql<number>`(select count(*)::int from kb_feedback f where f.article_id = ${id} and f.helpful and ${inPeriod(sql`f.created_at`)})`;
  const no = sql<number>`(select count(*)::int from kb_feedback f where f.article_id = ${id} and not f.helpful and ${inPeriod(sql`f.created_at`)})`;
  const base = () => db.select({ ...ranked, views, yes, no }).from(kbArticles).where(lang);
  const mostViewed = await base().orderBy(sql`${views} desc`, asc(kbArticles.title)).limit(10);
  const rated = sql`(${yes} + ${no}) > 0`;
  const mostHelpful = await db.select({ ...ranked, views, yes, no }).from(kbArticles).where(and(lang, rated)).orderBy(sql`${yes}::float / (${yes} + ${no}) desc`, sql`${yes} desc`).limit(10);
  const leastHelpful = await db.select({ ...ranked, views, yes, no }).from(kbArticles).where(and(lang, rated)).orderBy(sql`${no}::float / (${yes} + ${no}) desc`, sql`${no} desc`).limit(10);
  const empty = await db
    .select({ query: sql<string>`lower(${kbSearches.query})`, language: kbSearches.language, count: sql<number>`count(*)::int`, lastAt: sql<Date>`max(${kbSearches.createdAt})`.mapWith(kbSearches.createdAt) })
    .from(kbSearches)
    .where(and(eq(kbSearches.results, 0), inPeriod(sql`${kbSearches.createdAt}`), p.language ? eq(kbSearches.language, p.language) : undefined))
    .groupBy(sql`lower(${kbSearches.query})`, kbSearches.language)
    .orderBy(sql`count(*) desc`, sql`max(${kbSearches.createdAt}) desc`)
    .limit(20);
  return { mostViewed, mostHelpful, leastHelpful, searchesWithoutResult: empty };
}

export { kbArticles };
