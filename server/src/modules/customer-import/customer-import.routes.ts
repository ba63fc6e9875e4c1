import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { contentDisposition } from '../../platform/files/files.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { CUSTOMER_SORTS, customerFilter } from '../customers/index.ts';
import * as c from './customer-import.contracts.ts';
import { exportCustomers } from './use-cases/export-customers.ts';
import { importReport, listImportIssues, loadImport, presentImport, requestPreview, startImport } from './use-cases/manage-imports.ts';
import { IMPORT_MAX_MB, uploadImport } from './use-cases/upload-import.ts';

const TAG = ['customer-import'];
const csvHeaders = (name: string) => ({
  'Content-Type': 'text/csv; charset=utf-8',
  'Content-Disposition': contentDisposition('attachment', name),
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private, no-store',
});

/** PLT-9: customers from CSV (upload → mapping → preview → import in the background) and to CSV. */
export const customerImportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post('/api/v1/customer-imports', {
    config: { access: 'customers.import' },
    schema: {
      tags: TAG,
      summary: `Upload a customer CSV (multipart field "file", ≤ ${IMPORT_MAX_MB} MB); the file is checked whole (encoding, CSV structure) before it is accepted`,
      consumes: ['multipart/form-data'],
      querystring: c.uploadQuery,
      response: { 201: c.importResponse },
    },
  }, async (request, reply) => {
    const imp = await uploadImport(ctx, actorOf(request), request, request.query.encoding);
    return reply.status(201).send(await presentImport(ctx, imp));
  });

  app.get('/api/v1/customer-imports/:id', {
    config: { access: 'customers.import' },
    schema: { tags: TAG, summary: 'An import: proposed mapping, status, progress, preview and result counts (poll while it runs)', params: c.importIdParam, response: { 200: c.importResponse } },
  }, async (request) => presentImport(ctx, await loadImport(ctx, actorOf(request), request.params.id)));

  app.post('/api/v1/customer-imports/:id/preview', {
    config: { access: 'customers.import' },
    schema: { tags: TAG, summary: 'Confirm the column mapping and validate every row in the background (nothing is imported)', params: c.importIdParam, body: c.previewBody, response: { 202: c.importResponse } },
  }, async (request, reply) => {
    const imp = await requestPreview(ctx, actorOf(request), request.params.id, request.body.mapping);
    return reply.status(202).send(await presentImport(ctx, imp));
  });

  app.get('/api/v1/customer-imports/:id/issues', {
    config: { access: 'customers.import' },
    schema: { tags: TAG, summary: 'Per-row errors and duplicates, in file order', params: c.importIdParam, querystring: c.issuesQuery, response: { 200: pageSchema(c.issueResponse) } },
  }, async (request) => listImportIssues(ctx, actorOf(request), request.params.id, request.query));

  app.post('/api/v1/customer-imports/:id/start', {
    config: { access: 'customers.import' },
    schema: { tags: TAG, summary: 'Import the previewed file; duplicates of active customers are skipped or update them', params: c.importIdParam, body: c.startBody, response: { 202: c.importResponse } },
  }, async (request, reply) => {
    const imp = await startImport(ctx, actorOf(request), request.params.id, request.body.duplicateMode);
    return reply.status(202).send(await presentImport(ctx, imp));
  });

  app.get('/api/v1/customer-imports/:id/report.csv', {
    config: { access: 'customers.import' },
    schema: { tags: TAG, summary: 'The error report: each problem row with its problems and original values', params: c.importIdParam, produces: ['text/csv'] },
  }, async (request, reply) => {
    const report = await importReport(ctx, actorOf(request), request.params.id);
    return reply.headers(csvHeaders(report.name)).send(report.stream);
  });

  app.get('/api/v1/customers/export.csv', {
    config: { access: 'customers.export' },
    schema: {
      tags: TAG,
      summary: 'The customer list as CSV: same filters and scope as GET /customers, custom fields as columns, safe against formula injection',
      querystring: customerFilter.extend({ sort: z.enum(CUSTOMER_SORTS).default('number'), order: z.enum(['asc', 'desc']).default('asc') }),
      produces: ['text/csv'],
    },
  }, async (request, reply) => {
    const { sort, order, ...filter } = request.query;
    const stream = await exportCustomers(ctx, actorOf(request), filter, sort, order);
    return reply.headers(csvHeaders(`customers-${new Date().toISOString().slice(0, 10)}.csv`)).send(stream);
  });
};
