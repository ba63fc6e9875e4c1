import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { etag, expectedVersion } from '../../platform/http/versioning.ts';
import * as c from './customers.contracts.ts';
import { presentCustomerDetail } from './customers.presenters.ts';
import * as repo from './customers.repository.ts';
import { convertLead } from './use-cases/convert-lead.ts';
import { MERGE_FIELDS, MERGE_RULES, mergeBody, mergeCustomers, previewMerge } from './use-cases/merge-customers.ts';

const TAG = ['customers'];
const side = z.object({ id: z.uuid(), number: z.string(), name: z.string(), version: z.number().int() });
const mergePreviewResponse = z.object({
  primary: side,
  secondary: side,
  fields: z.array(z.object({ field: z.string(), rule: z.enum(MERGE_RULES), combinable: z.boolean(), primary: z.unknown(), secondary: z.unknown(), merged: z.unknown() })),
  /** Every table.column that points at a customer: what a merge moves. */
  references: z.array(z.object({ table: z.string(), column: z.string() })),
});
const parseJson = (v: unknown) => {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};
const ruleMap = z.partialRecord(z.enum(MERGE_FIELDS as [string, ...string[]]), z.enum(MERGE_RULES));

/** CUS-4 actions beyond editing: merge two customers, convert a lead. */
export const customerActionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const detail = async (id: string) => presentCustomerDetail((await repo.unsafeFindWrittenCustomer(ctx.database.db, id))!, await repo.listAddresses(ctx.database.db, id));

  app.get('/api/v1/customer-merges/preview', {
    config: { access: 'customers.merge' },
    schema: {
      tags: TAG,
      summary: 'Two customers side by side with the merged value of each field (rules: JSON object, default primary; tags, notes and custom combine)',
      querystring: z.strictObject({
        primary: z.string().min(1).max(60),
        secondary: z.string().min(1).max(60),
        rules: z.preprocess(parseJson, ruleMap).optional(),
      }),
      response: { 200: mergePreviewResponse },
    },
  }, async (request) => previewMerge(ctx, actorOf(request), { ...request.query, rules: request.query.rules ?? {} }));

  app.post('/api/v1/customer-merges', {
    config: { access: 'customers.merge' },
    schema: {
      tags: TAG,
      summary: 'Merge secondary into primary: per-field rules, every linked record moves, the secondary becomes INACTIVE with a note; atomic',
      body: mergeBody,
      response: { 200: z.object({ customer: c.customerDetailResponse, moved: z.record(z.string(), z.number().int()) }) },
    },
  }, async (request) => {
    const { id, moved } = await mergeCustomers(ctx, actorOf(request), request.body);
    return { customer: await detail(id), moved };
  });

  app.post('/api/v1/customers/:idOrNumber/convert', {
    config: { access: 'customers.write' },
    schema: { tags: TAG, summary: 'Convert a lead (or prospect) into a customer (If-Match: version)', params: c.idOrNumberParam, response: { 200: c.customerDetailResponse } },
  }, async (request, reply) => {
    const id = await convertLead(ctx, actorOf(request), request.params.idOrNumber, expectedVersion(request));
    const customer = await detail(id);
    reply.header('ETag', etag(customer.version));
    return customer;
  });
};
