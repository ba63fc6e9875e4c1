import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { servedType, contentDisposition } from '../../platform/files/files.ts';
import { uuidParam } from '../../platform/http/common-schemas.ts';
import { isLanguage, LANGUAGES } from '../../platform/i18n/languages.ts';
import * as c from './knowledge.contracts.ts';
import { escapeHtml, HELP_CSP, type HelpLink, renderArticle, renderIndex } from './help-page.ts';
import { giveFeedback, giveFeedbackBySlug } from './use-cases/manage-articles.ts';
import { getArticleBySlug, listCategories, listFaq, openPublicImage, sitemapEntries } from './use-cases/read-articles.ts';

const TAG = ['help centre'];
const language = z.enum(LANGUAGES);
const slugParams = z.object({ language, slug: z.string().min(1).max(200) });
const faqQuery = c.searchArticlesQuery.pick({ q: true, categoryId: true, tag: true }).extend({ language: language.default('en'), limit: z.coerce.number().int().min(1).max(200).default(50) });

/** The reader's language from Accept-Language, for /help without one. */
function preferredLanguage(header: string | undefined): (typeof LANGUAGES)[number] {
  for (const part of (header ?? '').split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (isLanguage(code)) return code;
  }
  return 'en';
}

/**
 * KB-2: the FAQ and the public help centre. No sign-in needed; a signed-in client is treated as any
 * reader. Only published public articles exist here (404 for the rest, never listed): the policy's
 * `public` audience, whoever asks.
 */
export const helpRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const origin = () => ctx.config.publicUrl.replace(/\/$/, '');
  // The help centre's feedback form posts like any HTML form.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.get('/api/v1/help/articles', {
    config: { access: 'public' },
    schema: { tags: TAG, summary: "The FAQ: published public articles, one per article in the reader's language or its original, searchable", querystring: faqQuery, response: { 200: z.object({ items: z.array(c.articleSummary) }) } },
  }, async (request) => listFaq(ctx, null, request.query.language, request.query));

  app.get('/api/v1/help/articles/:language/:slug', {
    config: { access: 'public' },
    schema: { tags: TAG, summary: 'One public article at its stable address (counts a view)', params: slugParams, response: { 200: c.articleDetail } },
  }, async (request) => getArticleBySlug(ctx, null, request.params.language, request.params.slug, true));

  app.post('/api/v1/help/articles/:id/feedback', {
    config: { access: 'public' },
    schema: { tags: TAG, summary: 'Was this helpful? yes / no with an optional comment', params: uuidParam, body: c.feedbackBody, response: { 204: z.null() } },
  }, async (request, reply) => {
    await giveFeedback(ctx, request.actor && request.actor.role === 'client' ? request.actor : null, request.params.id, request.body.helpful, request.body.comment);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/help/categories', {
    config: { access: 'public' },
    schema: { tags: TAG, summary: 'Categories with the number of public articles', response: { 200: z.object({ items: z.array(c.categoryResponse) }) } },
  }, async () => listCategories(ctx, null));

  app.get('/api/v1/help/files/:id', {
    config: { access: 'public' },
    schema: { tags: TAG, summary: 'An image a published public article shows', params: uuidParam },
  }, async (request, reply) => {
    const { file, stream } = await openPublicImage(ctx, request.params.id);
    return reply
      .header('Content-Type', servedType(file))
      .header('Content-Length', String(file.size))
      .header('Content-Disposition', contentDisposition('inline', file.name))
      .header('Content-Security-Policy', "sandbox; default-src 'none'")
      .header('Cache-Control', 'public, max-age=300')
      .send(stream);
  });

  // Server-rendered pages: what a search engine, a link preview and a reader without JavaScript get.
  app.get('/help', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    reply.redirect(`/help/${preferredLanguage(request.headers['accept-language'])}`));

  app.get('/help/sitemap.xml', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const urls = (await sitemapEntries(ctx)).map((r) => `<url><loc>${escapeHtml(`${origin()}${r.path}`)}</loc><lastmod>${r.updatedAt.toISOString().slice(0, 10)}</lastmod></url>`).join('');
    return reply.type('application/xml').send(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
  });

  app.get('/help/:language', {
    config: { access: 'public' },
    schema: { hide: true, params: z.object({ language }), querystring: z.object({ q: z.string().trim().max(200).optional() }) },
  }, async (request, reply) => {
    const lang = request.params.language;
    const q = request.query.q ?? '';
    const [{ items }, { items: categories }] = await Promise.all([listFaq(ctx, null, lang, { q, limit: 200 }), listCategories(ctx, null)]);
    const nameOf = (id: string | null) => {
      const cat = categories.find((x) => x.id === id);
      return cat ? (cat.names[lang] ?? cat.names.en ?? cat.slug) : '—';
    };
    const groups = new Map<string, { name: string; links: HelpLink[] }>();
    // Categories in their order, articles under them (a child category's under its own name).
    for (const cat of categories) groups.set(cat.id, { name: nameOf(cat.id), links: [] });
    const other = { name: nameOf(null), links: [] as HelpLink[] };
    for (const a of items) (a.categoryId ? groups.get(a.categoryId) : other)?.links.push({ title: a.title, href: `/help/${a.language}/${a.slug}`, snippet: q ? a.snippet : undefined });
    return reply.type('text/html; charset=utf-8').header('Content-Security-Policy', HELP_CSP).send(renderIndex(lang, q, [...groups.values(), other]));
  });

  app.get('/help/:language/:slug', {
    config: { access: 'public' },
    schema: { hide: true, params: slugParams, querystring: z.object({ thanks: z.string().optional() }) },
  }, async (request, reply) => {
    const a = await getArticleBySlug(ctx, null, request.params.language, request.params.slug, true);
    const description = a.snippet.map((p) => p.text).join('');
    const html = renderArticle(request.params.language, { ...a, description }, origin(), request.query.thanks !== undefined);
    return reply.type('text/html; charset=utf-8').header('Content-Security-Policy', HELP_CSP).send(html);
  });

  app.post('/help/:language/:slug/feedback', {
    config: { access: 'public' },
    schema: { hide: true, params: slugParams, body: z.object({ helpful: z.enum(['yes', 'no']), comment: z.string().max(2000).optional() }) },
  }, async (request, reply) => {
    await giveFeedbackBySlug(ctx, request.params.language, request.params.slug, request.body.helpful === 'yes', request.body.comment);
    return reply.redirect(`/help/${request.params.language}/${request.params.slug}?thanks=1`, 303);
  });
};
