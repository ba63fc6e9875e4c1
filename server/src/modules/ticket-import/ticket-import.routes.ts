import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { contentDisposition } from '../../platform/files/files.ts';
import * as c from './ticket-import.contracts.ts';
import { MAX_ROWS } from './read-upload.ts';
import { COLUMNS } from './rows.ts';
import { commitImport } from './use-cases/commit-import.ts';
import { exportTickets } from './use-cases/export-tickets.ts';
import { previewImport } from './use-cases/preview-import.ts';

const TAG = ['tickets'];

/**
 * TKT-11 bulk create from CSV (preview → commit) and PLT-9 ticket export. Registered before the
 * ticket routes so `/tickets/import/…` and `/tickets/export.csv` are never read as a ticket id.
 */
export const ticketImportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post('/api/v1/tickets/import/preview', {
    config: { access: 'tickets.bulk' },
    schema: {
      tags: TAG,
      summary: `Check a UTF-8 CSV of tickets (multipart field "file", header row, ≤ ${MAX_ROWS} rows; columns ${COLUMNS.join(', ')}, field:<key>); nothing is created yet`,
      consumes: ['multipart/form-data'],
      response: { 200: c.previewResponse },
    },
  }, async (request) => previewImport(ctx, actorOf(request), request));

  app.post('/api/v1/tickets/import/:importId/commit', {
    config: { access: 'tickets.bulk' },
    schema: { tags: TAG, summary: "Create every valid row of one's own preview, in one transaction (409 when stale or already committed)", params: c.importIdParam, response: { 200: c.commitResponse } },
  }, async (request) => commitImport(ctx, actorOf(request), request.params.importId));

  app.get('/api/v1/tickets/export.csv', {
    config: { access: 'tickets.export' },
    schema: {
      tags: TAG,
      summary: 'The ticket list as CSV: same filters, views and scope as GET /tickets; no message text or notes; safe against formula injection',
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
