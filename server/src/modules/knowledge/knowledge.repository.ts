import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { userRef } from '../identity/index.ts';
import { kbArticleFiles, kbArticleSearch, kbArticles, kbArticleUses, kbArticleVersions, kbCategories, kbFeedback, kbSearches } from './knowledge.tables.ts';

export type ArticleRow = typeof kbArticles.$inferSelect;

/**
 * A column of the outer row, qualified, for correlated subqueries: Drizzle writes a one-table select's
 * columns unqualified ("id"), which inside a subquery would name the subquery's own column instead.
 */
const outerArticle = (column: string) => sql.raw(`"kb_articles"."${column}"`);

export const summaryColumns = {
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

/** Only what a client and an anonymous reader may see: published public articles (KB-2) — on the articles or on their search index. */
export const publishedPublicIn = (t: typeof kbArticles | typeof kbArticleSearch) => sql`(${t.status} = 'published' and ${t.visibility} = 'public')`;
export const publishedPublic = publishedPublicIn(kbArticles);

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
      version: kbCategories.version,
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

/** The category, locked for an edit or a removal (two admins at once: one waits, then sees the new version). */
export async function lockCategory(tx: Db, id: string) {
  const [row] = await tx.select().from(kbCategories).where(eq(kbCategories.id, id)).for('update');
  return row ?? null;
}

export async function updateCategory(tx: Db, id: string, patch: Partial<Pick<typeof kbCategories.$inferInsert, 'names' | 'parentId' | 'position' | 'slug'>>): Promise<number> {
  const [row] = await tx
    .update(kbCategories)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${kbCategories.version} + 1` })
    .where(eq(kbCategories.id, id))
    .returning({ version: kbCategories.version });
  return row.version;
}

export async function deleteCategory(tx: Db, id: string): Promise<void> {
  await tx.delete(kbCategories).where(eq(kbCategories.id, id));
}

/** What a category holds: its sub-categories and its articles (any state, any language). */
export async function categoryContents(db: Db, id: string): Promise<{ children: number; articles: number }> {
  const [row] = await db.execute<{ children: number; articles: number }>(sql`select
      (select count(*)::int from kb_categories where parent_id = ${id}) as children,
      (select count(*)::int from kb_articles where category_id = ${id}) as articles`) as unknown as { children: number; articles: number }[];
  return row;
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
  // An article nobody found helpful is not among the most helpful, nor one nobody disliked among the least.
  const mostHelpful = await db.select({ ...ranked, views, yes, no }).from(kbArticles).where(and(lang, sql`${yes} > 0`)).orderBy(sql`${yes}::float / (${yes} + ${no}) desc`, sql`${yes} desc`).limit(10);
  const leastHelpful = await db.select({ ...ranked, views, yes, no }).from(kbArticles).where(and(lang, sql`${no} > 0`)).orderBy(sql`${no}::float / (${yes} + ${no}) desc`, sql`${no} desc`).limit(10);
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
