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
  /** The least rank worth showing (ts_rank × 10 of the words, × 20 of the phrases; a title word ≈ 0.6, a text word ≈ 0.25; the reader's language not counted). */
  minScore?: number;
  limit: number;
}

/**
 * KB-1 search, ranked, in one statement. Words are matched in the stored `search_vector` (the folded
 * title weighted A, the folded text B; GIN-indexed): as word beginnings for a search ("passw" finds
 * "password"), whole for suggestions, with adjacent pairs as phrases ("hoa <-> don") adding to the
 * rank. Chinese has no spaces, so a Han word is a substring of the folded title or text instead
 * (trigram GIN indexes). A tag equal to a word matches it; a Latin word of four letters or more also
 * matches a title it is close to (trigram word similarity: typos).
 *
 * The rank is ts_rank over the vector (a title word weighs 2.5 times a text word) plus tags, typo
 * closeness and the reader's language: one read of each matching row's vector for the rank, because
 * the vector of a long answer is stored compressed and every separate check would unpack it again
 * (measured: 20 checks per row made suggestions 250 ms at 5,000 articles).
 */
export async function searchArticles(db: Db, spec: SearchSpec) {
  const vector = sql`${kbArticles.searchVector}`;
  const query = (text: string) => sql`to_tsquery('simple', ${text})`;
  const han = spec.words.filter((w) => /\p{Script=Han}/u.test(w));
  const latin = spec.words.filter((w) => !han.includes(w));
  // Words are letters and digits only (wordsOf / questionTerms): nothing in them is tsquery syntax.
  const term = (w: string) => (spec.wholeWords ? w : `${w}:*`);
  const tag = (w: string) => sql`${kbArticles.tags} @> array[${w}]::text[]`;
  const fuzzy = (w: string) => (!spec.wholeWords && /^[a-z]{4,}$/.test(w) ? sql`${w} <% ${kbArticles.titleFold}` : null);
  const like = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const hanMatch = (w: string) => sql`(${kbArticles.titleFold} like ${like(w)} or ${kbArticles.textFold} like ${like(w)})`;

  const conds = [...spec.where];
  if (spec.words.length && spec.allWords) {
    for (const w of latin) conds.push(sql`(${vector} @@ ${query(term(w))} or ${tag(w)}${fuzzy(w) ? sql` or ${fuzzy(w)}` : sql``})`);
    for (const w of han) conds.push(sql`(${hanMatch(w)} or ${tag(w)})`);
  } else if (spec.words.length) {
    const any: SQL[] = [sql`${kbArticles.tags} && ${sql`array[${sql.join(spec.words.map((w) => sql`${w}`), sql`, `)}]::text[]`}`];
    if (latin.length) any.push(sql`${vector} @@ ${query(latin.map(term).join(' | '))}`);
    for (const w of han) any.push(hanMatch(w));
    conds.push(sql`(${sql.join(any, sql` or `)})`);
  }

  const scores: SQL[] = [];
  if (latin.length) scores.push(sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', ${vector}, ${query(latin.map(term).join(' | '))}) * 10`);
  if (spec.phrases?.length) scores.push(sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', ${vector}, ${query(spec.phrases.map((p) => `(${p.split(' ').join(' <-> ')})`).join(' | '))}) * 20`);
  for (const w of han) scores.push(sql`(case when ${kbArticles.titleFold} like ${like(w)} then 0.6 when ${kbArticles.textFold} like ${like(w)} then 0.25 else 0 end)`);
  for (const w of spec.words) scores.push(sql`(case when ${tag(w)} then 0.5 else 0 end)`);
  for (const w of latin) if (fuzzy(w)) scores.push(sql`(case when ${fuzzy(w)} then word_similarity(${w}, ${kbArticles.titleFold}) else 0 end)`);
  const rank = scores.length ? sql`(${sql.join(scores, sql` + `)})` : null;
  if (spec.minScore && rank) conds.push(sql`${rank} >= ${spec.minScore}`);
  // The reader's language lifts an article over equally related ones, not over clearly better ones.
  const ordered = rank && spec.preferLanguage ? sql`${rank} + case when ${kbArticles.language} = ${spec.preferLanguage} then 0.3 else 0 end` : rank;
  return db
    .select(summaryColumns)
    .from(kbArticles)
    .where(and(...conds))
    .orderBy(...(ordered ? [sql`${ordered} desc`] : []), desc(kbArticles.updatedAt), desc(kbArticles.id))
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
