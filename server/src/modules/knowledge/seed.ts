import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { referencedFileIds, richTextToPlain, sanitizeRichText } from '../../platform/text/rich-text.ts';
import { DEMO_ARTICLES, DEMO_CATEGORIES, type DemoLanguage } from './demo-articles.ts';
import { FAQ_DEMO_ARTICLES } from './demo-articles-faq.ts';
import { STAFF_DEMO_ARTICLES } from './demo-articles-staff.ts';
import * as repo from './knowledge.repository.ts';

const WRITERS = ['manager@demo.test', 'agent1@demo.test', 'agent2@demo.test', 'agent3@demo.test'];

/**
 * KB demo data: the categories and 118 language versions of 60 articles (demo-articles*.ts), written by
 * the manager and the agents, each stored as the editor would store it (sanitised, with its text).
 * Feedback and searches are real rows written through the repository, so the counters agree with them.
 */
export async function seedKnowledge(tx: Db, userIds: Map<string, string>): Promise<void> {
  const categoryIds = new Map<string, string>();
  for (const [position, c] of DEMO_CATEGORIES.filter((x) => !x.parent).concat(DEMO_CATEGORIES.filter((x) => x.parent)).entries()) {
    categoryIds.set(c.key, await repo.insertCategory(tx, { slug: c.key, names: c.names, parentId: c.parent ? categoryIds.get(c.parent)! : null, position }));
  }
  const published: string[] = [];
  for (const [n, a] of [...DEMO_ARTICLES, ...FAQ_DEMO_ARTICLES, ...STAFF_DEMO_ARTICLES].entries()) {
    const author = userIds.get(WRITERS[n % WRITERS.length])!;
    const groupId = randomUUID();
    const languages = [a.original, ...(Object.keys(a.translations) as DemoLanguage[]).filter((l) => l !== a.original)];
    for (const language of languages) {
      const t = a.translations[language]!;
      const html = sanitizeRichText(t.body);
      const id = language === a.original ? groupId : randomUUID();
      const status = a.status ?? 'published';
      await repo.insertArticle(tx, {
        id,
        groupId,
        language,
        original: language === a.original,
        title: t.title,
        slug: a.key,
        bodyHtml: html,
        bodyText: richTextToPlain(html),
        categoryId: categoryIds.get(a.category) ?? null,
        tags: t.tags ?? a.tags,
        visibility: a.visibility,
        status,
        authorId: author,
        editorId: author,
        publishedAt: status === 'published' ? new Date() : null,
      });
      await repo.setArticleFiles(tx, id, referencedFileIds(html));
      if (status === 'published' && a.visibility === 'public') published.push(id);
    }
  }
  // A little feedback, deterministic: most found the first articles helpful, the last less so.
  const client = userIds.get('client1@demo.test') ?? null;
  for (const [i, id] of published.slice(0, 12).entries()) {
    await repo.addFeedback(tx, id, i % 4 !== 3, i % 4 === 3 ? 'The steps did not match what I see in the portal.' : null, client);
  }
  for (const q of ['refund status', 'api key', 'dark mode', 'api key']) await repo.recordSearch(tx, q, 'en', 0, 'client');
}
