import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { contentDisposition } from '../../platform/files/files.ts';
import * as c from './ticket-import.contracts.ts';
import { commitImport } from './use-cases/commit-import.ts';
import { exportTickets } from './use-cases/export-tickets.ts';
import { previewImport } from './use-cases/preview-import.ts';
import { MAX_ROWS, uploadImport } from './use-cases/upload-import.ts';

const TAG = ['tickets'];

/**
 * TKT-11 / PLT-9 tickets from CSV (upload → column mapping → preview → commit) and the ticket export.
 * Registered before the ticket routes so `/tickets/import/…` and `/tickets/export.csv` are never read
 * as a ticket id.
 */
export const ticketImportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post('/api/v1/tickets/import', {
    config: { access: 'tickets.bulk' },
    schema: {
      tags: TAG,
      summary: `Upload a CSV of tickets (multipart field "file", header row, ≤ ${MAX_ROWS} rows): answers its columns, a sample and a proposed mapping; nothing is checked or created yet`,
      consumes: ['multipart/form-data'],
      querystring: c.uploadQuery,
      response: { 201: c.uploadResponse },
    },
  }, async (request, reply) => reply.status(201).send(await uploadImport(ctx, actorOf(request), request, request.query.encoding)));

  app.post('/api/v1/tickets/import/:importId/preview', {
    config: { access: 'tickets.bulk' },
    schema: {
      tags: TAG,
      summary: 'Check every row of one\'s upload with this column mapping: per-row problems by field, duplicates of existing tickets (by external reference or number); nothing is created',
      params: c.importIdParam,
      body: c.previewBody,
      response: { 200: c.previewResponse },
    },
  }, async (request) => previewImport(ctx, actorOf(request), request.params.importId, request.body.mapping, request.body.duplicateKey));

  app.post('/api/v1/tickets/import/:importId/commit', {
    config: { access: 'tickets.bulk' },
    schema: {
      tags: TAG,
      summary: "Create every valid new row of one's preview and skip or update its duplicates, in one transaction (409 when stale or already committed)",
      params: c.importIdParam,
      body: c.commitBody,
      response: { 200: c.commitResponse },
    },
  }, async (request) => commitImport(ctx, actorOf(request), request.params.importId, request.body.duplicateMode));

  app.get('/api/v1/tickets/export.csv', {
    config: { access: 'tickets.export' },
    schema: {
      tags: TAG,
      summary: 'The ticket list as CSV: same filters, views and scope as GET /tickets, custom fields as columns; no message text or notes; safe against formula injection; imports back with the proposed mapping',
      querystring: c.exportQuery,
      produces: ['text/csv'],
    },
  }, async (request, reply) => {
    const stream = await exportTickets(ctx, actorOf(request), request.query);
    return reply
      .headers({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': contentDisposition('attachment', `tickets-${new Date().toISOString().slice(0, 10)}.csv`),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      })
      .send(stream);
  });
};
