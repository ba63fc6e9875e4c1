import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, diff } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { AppError, conflict, invalid, notFound, staleVersion } from '../../../platform/http/errors.ts';
import { referencedFileIds, richTextToPlain, sanitizeRichText } from '../../../platform/text/rich-text.ts';
import { findVisibleTicket } from '../../tickets/index.ts';
import type { CreateArticleInput, UpdateArticleInput } from '../knowledge.contracts.ts';
import { audienceOf, canPublish, visibleArticles } from '../knowledge.policy.ts';
import * as repo from '../knowledge.repository.ts';
import { fold } from '../snippet.ts';

/** A readable URL part from a title in any script: folded Latin words, else the article's id. */
export function slugFrom(title: string, id: string): string {
  const words = fold(title).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
  return words.length >= 3 ? words : `article-${id.slice(0, 8)}`;
}

/** The answer as stored: sanitised, with its text for search; an answer that sanitises to nothing is refused. */
function cleanBody(body: string) {
  const html = sanitizeRichText(body);
  const text = richTextToPlain(html);
  if (!text && !/<img /.test(html)) throw invalid([{ field: 'body', message: 'The answer is empty (once unsafe markup is removed).' }]);
  return { html, text };
}

async function checkPublish(ctx: AppContext, actor: Actor, status: string | undefined, current?: string) {
  if (status === undefined || status === current) return;
  // Leaving or entering "published" (publishing, un-publishing, archiving a published one) is the publishers' call.
  if (status === 'published' || current === 'published') {
    if (!canPublish(actor, await ctx.settings.get('knowledge.publishRoles'))) {
      throw new AppError('publish_not_allowed', 403, 'Your role may write drafts; publishing is for the roles named in the setting knowledge.publishRoles.', [{ field: 'status', message: 'Not yours to publish.' }]);
    }
  }
}

async function checkCategory(ctx: AppContext, categoryId: string | null | undefined) {
  if (categoryId && !(await repo.findCategory(ctx.database.db, categoryId))) throw invalid([{ field: 'categoryId', message: 'No such category.' }]);
}

/** KB-1: a new article, or a new language of an existing one (`translationOf`). */
export async function createArticle(ctx: AppContext, actor: Actor, input: CreateArticleInput): Promise<string> {
  await checkPublish(ctx, actor, input.status, 'draft');
  await checkCategory(ctx, input.categoryId);
  const body = cleanBody(input.body);
  const id = randomUUID();
  return ctx.database.transaction(async (tx) => {
    let groupId: string = id;
    let base: repo.ArticleDetailRow | null = null;
    if (input.translationOf) {
      base = await repo.findArticle(tx, input.translationOf, visibleArticles('staff'));
      if (!base) throw notFound('article', [{ field: 'translationOf', message: 'No such article.' }]);
      groupId = base.groupId;
      if (await repo.findInGroup(tx, groupId, input.language, visibleArticles('staff'))) {
        throw conflict('translation_exists', `This article already has a ${input.language} version.`, [{ field: 'language', message: 'Already translated.' }]);
      }
    }
    const wanted = input.slug ?? slugFrom(input.title, id);
    const taken = await repo.slugTaken(tx, input.language, wanted);
    if (taken && input.slug) throw conflict('slug_taken', 'Another article in this language has this address.', [{ field: 'slug', message: 'Taken.' }]);
    const finalSlug = taken ? `${wanted}-${id.slice(0, 6)}` : wanted;
    const status = input.status;
    await repo.insertArticle(tx, {
      id,
      groupId,
      language: input.language,
      original: !base,
      title: input.title,
      slug: finalSlug,
      bodyHtml: body.html,
      bodyText: body.text,
      categoryId: input.categoryId ?? base?.categoryId ?? null,
      tags: input.tags ?? base?.tags ?? [],
      visibility: input.visibility,
      status,
      authorId: actor.userId,
      editorId: actor.userId,
      publishedAt: status === 'published' ? new Date() : null,
    });
    await repo.setArticleFiles(tx, id, referencedFileIds(body.html));
    await appendHistory(tx, { entityType: 'article', entityId: id, actorId: actor.userId, action: 'created', changes: [{ field: 'status', from: null, to: status }, { field: 'language', from: null, to: input.language }] });
    await recordEvent(tx, 'article.created', { articleId: id, groupId, language: input.language, status, actorId: actor.userId });
    return id;
  });
}

/**
 * KB-1: saves an edit (If-Match: the version the editor started from). A stale save changes nothing
 * and answers 412, so the second editor reloads and sees what the first changed; every save keeps
 * the answer as it was before as a version, restorable.
 */
export async function updateArticle(ctx: AppContext, actor: Actor, id: string, expected: number, input: UpdateArticleInput): Promise<void> {
  await checkCategory(ctx, input.categoryId);
  const body = input.body === undefined ? null : cleanBody(input.body);
  await ctx.database.transaction(async (tx) => {
    const current = await repo.lockArticle(tx, id);
    if (!current) throw notFound('article');
    if (current.version !== expected) throw staleVersion();
    await checkPublish(ctx, actor, input.status, current.status);
    const next = {
      ...(input.title !== undefined && { title: input.title }),
      ...(body && { bodyHtml: body.html, bodyText: body.text }),
      ...(input.categoryId !== undefined && { categoryId: input.categoryId }),
      ...(input.tags !== undefined && { tags: input.tags }),
      ...(input.visibility !== undefined && { visibility: input.visibility }),
      ...(input.status !== undefined && { status: input.status }),
    };
    const changes = diff(current, next, ['title', 'bodyHtml', 'categoryId', 'tags', 'visibility', 'status']).map((c) => (c.field === 'bodyHtml' ? { field: 'body', from: null, to: null } : c));
    if (!changes.length) return;
    if (next.title !== undefined || next.bodyHtml !== undefined) {
      await repo.insertVersion(tx, { articleId: id, version: current.version, title: current.title, bodyHtml: current.bodyHtml, editorId: current.editorId, savedAt: current.updatedAt });
    }
    const publishing = next.status === 'published' && current.status !== 'published';
    await repo.updateArticle(tx, id, { ...next, editorId: actor.userId, ...(publishing && { publishedAt: new Date() }) });
    if (body) await repo.setArticleFiles(tx, id, referencedFileIds(body.html));
    await appendHistory(tx, { entityType: 'article', entityId: id, actorId: actor.userId, action: 'updated', changes });
    await recordEvent(tx, 'article.updated', { articleId: id, fields: changes.map((c) => c.field), status: (next.status ?? current.status) as 'draft' | 'published' | 'archived', actorId: actor.userId });
  });
}

/** KB-1: brings back an earlier version's title and answer as a new save (the current one becomes a version too). */
export async function restoreVersion(ctx: AppContext, actor: Actor, id: string, expected: number, version: number): Promise<void> {
  const old = await repo.findVersion(ctx.database.db, id, version);
  if (!old) throw notFound('version');
  await updateArticle(ctx, actor, id, expected, { title: old.title, body: old.bodyHtml });
}

/** KB-2: "was this helpful?" — by anyone who may read the article, signed in or not. */
export async function giveFeedback(ctx: AppContext, actor: Actor | null, id: string, helpful: boolean, comment: string | undefined): Promise<void> {
  await ctx.database.transaction(async (tx) => {
    if (!(await repo.findArticle(tx, id, visibleArticles(audienceOf(actor))))) throw notFound('article');
    await repo.addFeedback(tx, id, helpful, comment?.trim() || null, actor?.userId ?? null);
  });
}

/** The help centre's form: feedback on a published public article by its address. */
export async function giveFeedbackBySlug(ctx: AppContext, language: string, slug: string, helpful: boolean, comment: string | undefined): Promise<void> {
  const article = await repo.findArticleBySlug(ctx.database.db, language, slug, visibleArticles('public'));
  if (!article) throw notFound('article');
  await giveFeedback(ctx, null, article.id, helpful, comment);
}

/** KB-1 suggestions: an agent inserted the article into a reply of this ticket (it counts when the ticket is resolved). */
export async function noteInserted(ctx: AppContext, actor: Actor, id: string, ticketId: string): Promise<void> {
  if (!(await repo.findArticle(ctx.database.db, id, visibleArticles(audienceOf(actor))))) throw notFound('article');
  if (!(await findVisibleTicket(ctx.database.db, actor, ticketId))) throw notFound('ticket', [{ field: 'ticketId', message: 'No such ticket.' }]);
  await repo.noteInserted(ctx.database.db, id, ticketId, actor.userId);
}
