import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { uuidParam } from '../../platform/http/common-schemas.ts';
import { etag, expectedVersion } from '../../platform/http/versioning.ts';
import * as c from './knowledge.contracts.ts';
import { createCategory, deleteCategory, updateCategory } from './use-cases/manage-categories.ts';
import { draftFromTicket } from './use-cases/draft-from-ticket.ts';
import { createArticle, noteInserted, restoreVersion, updateArticle } from './use-cases/manage-articles.ts';
import { analytics, getArticle, listCategories, listVersions, searchArticles, suggestArticles } from './use-cases/read-articles.ts';

const TAG = ['knowledge'];
const languageQuery = z.object({ language: z.enum(['en', 'vi', 'bg', 'zh']).optional() });

/** KB-1 for signed-in readers and writers: search, articles, versions, translations, suggestions, categories, analytics. */
export const knowledgeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/kb/articles', {
    config: { access: 'knowledge.read' },
    schema: { tags: TAG, summary: 'Search articles (ranked; words, partial words, typos, any script) or list them; filters category, tag, language, visibility, status', querystring: c.searchArticlesQuery, response: { 200: z.object({ items: z.array(c.articleSummary) }) } },
  }, async (request) => searchArticles(ctx, actorOf(request), request.query));

  app.get('/api/v1/kb/suggestions', {
    config: { access: 'knowledge.read' },
    schema: { tags: TAG, summary: "Articles related to a ticket's question (or a text), in the customer's language first", querystring: c.suggestionsQuery, response: { 200: z.object({ language: z.string(), items: z.array(c.articleSummary) }) } },
  }, async (request) => suggestArticles(ctx, actorOf(request), request.query));

  app.get('/api/v1/kb/articles/:id', {
    config: { access: 'knowledge.read' },
    schema: { tags: TAG, summary: 'One article; with ?language= its translation, or the original with fallbackFrom', params: uuidParam, querystring: languageQuery, response: { 200: c.articleDetail } },
  }, async (request, reply) => {
    const article = await getArticle(ctx, actorOf(request), request.params.id, request.query.language, true);
    reply.header('ETag', etag(article.version));
    return article;
  });

  app.post('/api/v1/kb/articles', {
    config: { access: 'knowledge.write' },
    schema: { tags: TAG, summary: 'Write an article, or a translation of one (translationOf)', body: c.createArticleBody, response: { 201: c.articleDetail } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const id = await createArticle(ctx, actor, request.body);
    const article = await getArticle(ctx, actor, id);
    return reply.status(201).header('ETag', etag(article.version)).send(article);
  });

  app.patch('/api/v1/kb/articles/:id', {
    config: { access: 'knowledge.write' },
    schema: { tags: TAG, summary: 'Edit an article (If-Match: version; 412 when someone saved in between)', params: uuidParam, body: c.updateArticleBody, response: { 200: c.articleDetail } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    await updateArticle(ctx, actor, request.params.id, expectedVersion(request), request.body);
    const article = await getArticle(ctx, actor, request.params.id);
    reply.header('ETag', etag(article.version));
    return article;
  });

  app.get('/api/v1/kb/articles/:id/versions', {
    config: { access: 'knowledge.read' },
    schema: { tags: TAG, summary: "The answer's previous versions, newest first", params: uuidParam, response: { 200: z.object({ items: z.array(c.articleVersion) }) } },
  }, async (request) => listVersions(ctx, actorOf(request), request.params.id));

  app.post('/api/v1/kb/articles/:id/versions/:version/restore', {
    config: { access: 'knowledge.write' },
    schema: { tags: TAG, summary: 'Restore a previous version (If-Match: the current version)', params: uuidParam.extend({ version: z.coerce.number().int().min(1) }), response: { 200: c.articleDetail } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    await restoreVersion(ctx, actor, request.params.id, expectedVersion(request), request.params.version);
    const article = await getArticle(ctx, actor, request.params.id);
    reply.header('ETag', etag(article.version));
    return article;
  });

  app.post('/api/v1/kb/articles/:id/inserted', {
    config: { access: 'knowledge.read' },
    schema: { tags: TAG, summary: "The article was inserted into a ticket's reply (counts a use when the ticket is resolved)", params: uuidParam, body: c.insertedBody, response: { 204: z.null() } },
  }, async (request, reply) => {
    await noteInserted(ctx, actorOf(request), request.params.id, request.body.ticketId);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/kb/draft-from-ticket', {
    config: { access: 'knowledge.write' },
    schema: { tags: TAG, summary: "A resolved ticket's answer as a draft article to review (the client's personal details replaced by […]); saves nothing", querystring: z.object({ ticketId: z.string().trim().min(1).max(60) }), response: { 200: c.ticketDraft } },
  }, async (request) => draftFromTicket(ctx, actorOf(request), request.query.ticketId));

  app.get('/api/v1/kb/categories', {
    config: { access: 'knowledge.read' },
    schema: { tags: TAG, summary: 'Categories (one level of nesting, ordered) with the number of articles the reader sees', response: { 200: z.object({ items: z.array(c.categoryResponse) }) } },
  }, async (request) => listCategories(ctx, actorOf(request)));

  app.post('/api/v1/kb/categories', {
    config: { access: 'knowledge.write' },
    schema: { tags: TAG, summary: 'Add a category (its parent must be top-level)', body: c.categoryBody, response: { 201: c.categoryResponse } },
  }, async (request, reply) => {
    const category = await createCategory(ctx, actorOf(request), request.body);
    return reply.status(201).header('ETag', etag(category.version)).send(category);
  });

  app.patch('/api/v1/kb/categories/:id', {
    config: { access: 'knowledge.write' },
    schema: { tags: TAG, summary: 'Rename, re-address, re-order or move a category (If-Match: version; 412 when someone saved in between)', params: uuidParam, body: c.categoryUpdateBody, response: { 200: c.categoryResponse } },
  }, async (request, reply) => {
    const category = await updateCategory(ctx, actorOf(request), request.params.id, expectedVersion(request), request.body);
    return reply.header('ETag', etag(category.version)).send(category);
  });

  app.delete('/api/v1/kb/categories/:id', {
    config: { access: 'knowledge.write' },
    schema: { tags: TAG, summary: 'Remove an empty category (If-Match: version; 409 while it holds articles or sub-categories)', params: uuidParam, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteCategory(ctx, actorOf(request), request.params.id, expectedVersion(request));
    return reply.status(204).send(null);
  });

  app.get('/api/v1/kb/analytics', {
    config: { access: 'knowledge.analytics' },
    schema: { tags: TAG, summary: 'Most viewed, most and least helpful articles, searches without result (per language and period)', querystring: c.analyticsQuery, response: { 200: c.analyticsResponse } },
  }, async (request) => analytics(ctx, request.query));
};
