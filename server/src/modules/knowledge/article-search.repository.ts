import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/database.ts';
import { publishedPublicIn, summaryColumns } from './knowledge.repository.ts';
import { kbArticleSearch, kbArticles } from './knowledge.tables.ts';

/** Which articles a list or a search may return: the reader's view and the filters they chose. */
export interface ArticleFilters {
  /** Clients and anonymous readers: published public articles only (knowledge.policy.ts). */
  publicOnly: boolean;
  categoryId?: string;
  tag?: string;
  language?: string;
  visibility?: string;
  status?: string;
  /** One article per translation group: the one in this language when there is one, else the original (KB-1 fallback; lists only). */
  oneOfGroupIn?: string;
}

export interface SearchSpec {
  /** Folded words of the question (accent- and case-free); empty lists the newest. */
  words: string[];
  /** true: every word must match (search); false: the more words match the better (suggestions). */
  allWords: boolean;
  filters: ArticleFilters;
  /** Articles in this language rank first (suggestions: the customer's language). */
  preferLanguage?: string;
  /** Match Latin/Cyrillic words whole, not as beginnings of longer words (suggestions: "hoa" must not match "hoan"). */
  wholeWords?: boolean;
  /** Adjacent word pairs of the question, each matched as a phrase, lifting the best candidates (suggestions). */
  phrases?: string[];
  limit: number;
}

type FilterTable = typeof kbArticles | typeof kbArticleSearch;

/** The filters as conditions on kb_articles or on its search index (the same column names). */
function filterConditions(t: FilterTable, tableName: string, f: ArticleFilters): SQL[] {
  const where: SQL[] = [];
  if (f.publicOnly) where.push(publishedPublicIn(t));
  if (f.categoryId) where.push(sql`(${t.categoryId} = ${f.categoryId} or ${t.categoryId} in (select c.id from kb_categories c where c.parent_id = ${f.categoryId}))`);
  if (f.tag) where.push(sql`${t.tags} @> array[${f.tag}]::text[]`);
  if (f.language) where.push(eq(t.language, f.language));
  if (f.visibility) where.push(eq(t.visibility, f.visibility));
  if (f.status) where.push(eq(t.status, f.status));
  if (f.oneOfGroupIn) {
    // Correlated: Drizzle writes a one-table select's columns unqualified, which inside the subquery would name its own.
    const outer = (column: string) => sql.raw(`"${tableName}"."${column}"`);
    where.push(
      sql`(${t.language} = ${f.oneOfGroupIn} or (${t.original} and not exists (select 1 from kb_articles x where x.group_id = ${outer('group_id')} and x.language = ${f.oneOfGroupIn} and x.status = 'published' and x.visibility = ${outer('visibility')})))`,
    );
  }
  return where;
}

const HAN = /\p{Script=Han}/u;

/**
 * One word of a question as index terms (tsquery text), the way migration 0020 indexes the articles:
 * a Latin or Cyrillic word whole or as a beginning ("passw" → password); a run of Han characters as its
 * overlapping pairs, all of them (发票金额 → 发票 & 票金 & 金额), a single character as a beginning.
 * Words are letters and digits only (wordsOf / questionTerms): nothing in them is tsquery syntax.
 */
function wordTerms(word: string, whole: boolean): string {
  const terms = word
    .split(/(\p{Script=Han}+)/u)
    .filter(Boolean)
    .flatMap((part) => {
      if (!HAN.test(part)) return [whole ? `'${part}'` : `'${part}':*`];
      const chars = [...part];
      return chars.length === 1 ? [`'${part}':*`] : chars.slice(0, -1).map((c, i) => `'${c}${chars[i + 1]}'`);
    });
  return terms.length === 1 ? terms[0] : `(${terms.join(' & ')})`;
}

const s = kbArticleSearch;
const tsq = (text: string) => sql`${text}::tsquery`;
const inTitle = (q: string) => sql`(${s.titleWords} @@ ${tsq(q)})::int`;

interface Tier {
  match: SQL[];
  /** The rank in the index: cheap per row (the titles' words are short and stored inline). */
  score: SQL;
  /** Lifts among the best candidates, given their words (long, often stored compressed: read only for these). */
  bonus?: (words: SQL) => SQL;
  /** How many of the best candidates the bonus re-orders. */
  pool?: number;
  limit: number;
}

/**
 * One ranked read of the search index: the best candidates by score (filters applied in the index,
 * whose rows are narrow), then their summaries from kb_articles, re-ordered with the bonus.
 */
async function rankTier(db: Db, filters: ArticleFilters, tier: Tier) {
  const ranked = db
    .select({ articleId: s.articleId, score: sql<number>`(${tier.score})::float8`.as('score'), rankedAt: sql<Date>`${s.updatedAt}`.as('ranked_at'), words: s.words })
    .from(s)
    .where(and(...filterConditions(s, 'kb_article_search', filters), ...tier.match))
    .orderBy(sql`score desc`, desc(s.updatedAt), desc(s.articleId))
    .limit(tier.bonus ? Math.max(tier.pool ?? 0, tier.limit) : tier.limit)
    .as('ranked');
  const total = tier.bonus ? sql`${ranked.score} + ${tier.bonus(sql`${ranked.words}`)}` : sql`${ranked.score}`;
  return db
    .select({ ...summaryColumns, score: sql<number>`(${total})::float8` })
    .from(ranked)
    .innerJoin(kbArticles, eq(kbArticles.id, ranked.articleId))
    .orderBy(sql`(${total}) desc`, desc(ranked.rankedAt), desc(ranked.articleId))
    .limit(tier.limit);
}

/** tsquery text matching two words or more of the list (any pair of them; keep the list short). */
const twoOf = (queries: string[]) => queries.flatMap((q, i) => queries.slice(i + 1).map((r) => `(${q} & ${r})`)).join(' | ');

/** The newest articles the filters let through (the list, the sitemap, a search without words). */
async function newest(db: Db, filters: ArticleFilters, limit: number) {
  return db
    .select({ ...summaryColumns, score: sql<number>`0::float8` })
    .from(kbArticles)
    .where(and(...filterConditions(kbArticles, 'kb_articles', filters)))
    .orderBy(desc(kbArticles.updatedAt), desc(kbArticles.id))
    .limit(limit);
}

/**
 * KB-1 search and suggestions, ranked, over the narrow search index (kb_article_search).
 *
 * Search (every word must match; the last one may be unfinished, "reset passw"): a word in the title
 * (or a tag) weighs 0.6, the reader's language 0.3. The articles with a question word in their title are ranked first, in one read; only when they
 * are fewer than asked for are the others (the words only in their text, all equal but for the
 * language) read, newest first — an article with no title word can never outrank one with a title
 * word, so the order is exact while common words never make every matching article's rank computed.
 * When nothing matches, each Latin word of four letters or more also matches the titles it is close
 * to (trigram word similarity: typos, "pasword"), ranked by that closeness.
 *
 * Suggestions (any word counts; a topic is a title word or two words of the text): only the specific
 * words of the conversation — those in at most 1 % of the titles (texts), by the planner's
 * statistics — propose articles. The titles holding one are ranked in the index by the conversation
 * words they share (0.6 each, so two shared words come first) and the customer's language (0.3);
 * among the best 50, a word anywhere adds 0.25 and a phrase of two adjacent words 0.5. Only when the
 * titles propose too few are the texts sharing two specific words read. A conversation full of
 * common words thus stays one short read.
 */
export async function searchArticles(database: Database, spec: SearchSpec) {
  if (!spec.words.length) return newest(database.db, spec.filters, spec.limit);
  const common = spec.allWords ? null : await commonWords(database);
  return rankedSearch(database.db, spec, common);
}

async function rankedSearch(db: Db, spec: SearchSpec, common: CommonWords | null) {
  // A search is typed: its last word may be unfinished ("reset passw"), the ones before are whole words.
  const queries = spec.words.map((w, i) => wordTerms(w, !!spec.wholeWords || (spec.allWords && i < spec.words.length - 1)));
  const any = queries.join(' | ');
  const language = spec.preferLanguage ? sql` + case when ${s.language} = ${spec.preferLanguage} then 0.3 else 0 end` : sql``;
  const titleScore = sql`(${sql.join(queries.map((q) => sql`${inTitle(q)} * 0.6`), sql` + `)})${language}`;

  if (spec.allWords) {
    const all = sql`${s.words} @@ ${tsq(queries.join(' & '))}`;
    const withTitle = await rankTier(db, spec.filters, { match: [all, sql`${s.titleWords} @@ ${tsq(any)}`], score: titleScore, limit: spec.limit });
    if (withTitle.length === spec.limit) return withTitle;
    const textOnly = await rankTier(db, spec.filters, { match: [all, sql`not (${s.titleWords} @@ ${tsq(any)})`], score: sql`0${language}`, limit: spec.limit - withTitle.length });
    const found = [...withTitle, ...textOnly];
    return found.length ? found : fuzzySearch(db, spec, queries, language);
  }

  const bonus = (words: SQL) =>
    sql.join(
      [
        ...queries.map((q) => sql`(${words} @@ ${tsq(q)})::int * 0.25`),
        ...(spec.phrases ?? []).map((p) => sql`(${kbArticles.searchVector} @@ ${tsq(p.split(' ').map((w) => `'${w}'`).join(' <-> '))})::int * 0.5`),
      ],
      sql` + `,
    );
  // Only the specific words (the rarer ones, by the planner's statistics) propose articles; the
  // common ones still add to the rank of those proposed.
  const specific = (column: 'title' | 'text') => queries.filter((_, i) => !common?.[column].has(spec.words[i]));
  const titled = specific('title');
  const found = titled.length ? await rankTier(db, spec.filters, { match: [sql`${s.titleWords} @@ ${tsq(titled.join(' | '))}`], score: titleScore, bonus, pool: 50, limit: spec.limit }) : [];
  // Two words of a text are a topic too, read only when the titles are too few. The first six
  // specific words (the ticket's title and description come first): the pairs of more would make
  // the index's query itself the cost.
  const texted = specific('text').slice(0, 6);
  if (found.length < spec.limit && texted.length > 1) {
    const notTitled = titled.length ? [sql`not (${s.titleWords} @@ ${tsq(titled.join(' | '))})`] : [];
    found.push(...(await rankTier(db, spec.filters, { match: [sql`${s.words} @@ ${tsq(twoOf(texted))}`, ...notTitled], score: titleScore, bonus, pool: 50, limit: spec.limit - found.length })));
  }
  return found;
}

/** A word in more than this share of the articles proposes none by itself (suggestions). */
const COMMON_SHARE = 0.01;
interface CommonWords {
  title: Set<string>;
  text: Set<string>;
}
const commonWordsCache = new WeakMap<Database, CommonWords & { at: number }>();

/**
 * The words in more than COMMON_SHARE of the articles' titles and texts, from the statistics ANALYZE
 * keeps of the search index (its most common elements), refreshed every ten minutes. Without
 * statistics (a new or small database) no word is common, which is right: every word is then cheap.
 */
async function commonWords(database: Database): Promise<CommonWords> {
  const cached = commonWordsCache.get(database);
  if (cached && Date.now() - cached.at < 600_000) return cached;
  const rows = (await database.db.execute<{ column: string; word: string }>(sql`
    select s.attname as column, u.word from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as u(word, share)
    where s.schemaname = current_schema() and s.tablename = 'kb_article_search' and s.attname in ('title_words', 'words') and u.share > ${COMMON_SHARE} and u.word is not null`)) as unknown as { column: string; word: string }[];
  const entry = { at: Date.now(), title: new Set<string>(), text: new Set<string>() };
  for (const r of rows) (r.column === 'title_words' ? entry.title : entry.text).add(r.word);
  commonWordsCache.set(database, entry);
  return entry;
}

/**
 * The typo pass of a search that found nothing (see searchArticles); nothing when no word could be a
 * typo. A Latin word of four letters or more then matches the articles it matched before or a title
 * it is close to (the index's trigrams of the folded titles), ranked by that closeness.
 */
async function fuzzySearch(db: Db, spec: SearchSpec, queries: string[], language: SQL) {
  const typo = (w: string) => /^[a-z]{4,}$/.test(w);
  if (!spec.words.some(typo)) return [];
  // A union, not an `or`: each half then reads its own index (the planner would scan every row for the `or`).
  const match = spec.words.map((w, i) =>
    typo(w)
      ? sql`${s.articleId} in (select x.article_id from kb_article_search x where x.words @@ ${tsq(queries[i])} union all select x.article_id from kb_article_search x where ${w} <% x.title_fold)`
      : sql`${s.words} @@ ${tsq(queries[i])}`,
  );
  const score = spec.words.map((w, i) => (typo(w) ? sql`word_similarity(${w}, ${s.titleFold})` : sql`${inTitle(queries[i])} * 0.6`));
  return rankTier(db, spec.filters, { match, score: sql`(${sql.join(score, sql` + `)})${language}`, limit: spec.limit });
}

