import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { pageQuery, pageSchema } from '../../platform/http/pagination.ts';
import * as c from './customers.contracts.ts';
import { presentAddress } from './customers.presenters.ts';
import { addContract, addInvoice, billingCreated, contractBody, invoiceBody } from './use-cases/billing.ts';
import {
  cancelInvoice,
  changeContract,
  contractListItem,
  contractPatch,
  contractResponse,
  invoiceListItem,
  invoiceResponse,
  listCustomerContracts,
  listCustomerInvoices,
  paymentBody,
  recordPayment,
} from './use-cases/billing-changes.ts';
import { getCustomer } from './use-cases/list-customers.ts';
import { addAddress, removeAddress, updateAddress } from './use-cases/manage-addresses.ts';
import { customerOverview, customerTimeline } from './use-cases/overview.ts';

const TAG = ['customers'];
const timelineItem = z.object({ at: z.string(), kind: z.string(), id: z.string(), title: z.string(), data: z.record(z.string(), z.unknown()) });
const overviewResponse = z.object({
  customer: c.customerDetailResponse,
  /** One summary per linked kind: contracts, invoices, activities, … (counts and the latest few). */
  sections: z.record(z.string(), z.unknown()),
  timeline: pageSchema(timelineItem),
});

/** What hangs off a customer: addresses, the 360° view and timeline, contracts and invoices. */
export const customerRecordRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/customers/:idOrNumber/addresses', {
    config: { access: 'customers.read' },
    schema: { tags: TAG, summary: "A customer's addresses, primary first", params: c.idOrNumberParam, response: { 200: z.object({ items: z.array(c.addressResponse) }) } },
  }, async (request) => ({ items: (await getCustomer(ctx, actorOf(request), request.params.idOrNumber)).addresses.map(presentAddress) }));

  app.post('/api/v1/customers/:idOrNumber/addresses', {
    config: { access: 'customers.write' },
    schema: { tags: TAG, summary: 'Add an address (the first one, or isPrimary, becomes the primary)', params: c.idOrNumberParam, body: c.addressBody, response: { 201: c.addressResponse } },
  }, async (request, reply) => reply.status(201).send(presentAddress(await addAddress(ctx, actorOf(request), request.params.idOrNumber, request.body))));

  app.patch('/api/v1/customers/:idOrNumber/addresses/:addressId', {
    config: { access: 'customers.write' },
    schema: { tags: TAG, summary: 'Edit an address; isPrimary: true moves the primary mark here', params: c.addressParams, body: c.addressPatch, response: { 200: c.addressResponse } },
  }, async (request) => presentAddress(await updateAddress(ctx, actorOf(request), request.params.idOrNumber, request.params.addressId, request.body)));

  app.delete('/api/v1/customers/:idOrNumber/addresses/:addressId', {
    config: { access: 'customers.write' },
    schema: { tags: TAG, summary: 'Remove an address (the oldest remaining becomes primary)', params: c.addressParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await removeAddress(ctx, actorOf(request), request.params.idOrNumber, request.params.addressId);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/customers/:idOrNumber/overview', {
    config: { access: 'customers.read' },
    schema: {
      tags: TAG,
      summary: '360° view: profile, addresses, linked records and the first page of the merged timeline',
      params: c.idOrNumberParam,
      querystring: z.strictObject({ timelineLimit: pageQuery.limit.default(20) }),
      response: { 200: overviewResponse },
    },
  }, async (request) => customerOverview(ctx, actorOf(request), request.params.idOrNumber, request.query.timelineLimit));

  app.get('/api/v1/customers/:idOrNumber/timeline', {
    config: { access: 'customers.read' },
    schema: { tags: TAG, summary: 'The merged timeline (history, activities, contracts, invoices), newest first', params: c.idOrNumberParam, querystring: z.strictObject(pageQuery), response: { 200: pageSchema(timelineItem) } },
  }, async (request) => customerTimeline(ctx, actorOf(request), request.params.idOrNumber, request.query));

  app.post('/api/v1/customers/:idOrNumber/contracts', {
    config: { access: 'billing.write' },
    schema: { tags: TAG, summary: 'Record a contract (CUS-5)', params: c.idOrNumberParam, body: contractBody, response: { 201: billingCreated } },
  }, async (request, reply) => reply.status(201).send(await addContract(ctx, actorOf(request), request.params.idOrNumber, request.body)));

  app.post('/api/v1/customers/:idOrNumber/invoices', {
    config: { access: 'billing.write' },
    schema: { tags: TAG, summary: 'Record an invoice (CUS-5)', params: c.idOrNumberParam, body: invoiceBody, response: { 201: billingCreated } },
  }, async (request, reply) => reply.status(201).send(await addInvoice(ctx, actorOf(request), request.params.idOrNumber, request.body)));

  const contractParams = c.idOrNumberParam.extend({ contractId: z.uuid() });
  const invoiceParams = c.idOrNumberParam.extend({ invoiceId: z.uuid() });

  app.get('/api/v1/customers/:idOrNumber/contracts', {
    config: { access: 'customers.read' },
    schema: { tags: TAG, summary: "A customer's contracts, newest first", params: c.idOrNumberParam, querystring: z.strictObject(pageQuery), response: { 200: pageSchema(contractListItem) } },
  }, async (request) => listCustomerContracts(ctx, actorOf(request), request.params.idOrNumber, request.query));

  app.get('/api/v1/customers/:idOrNumber/invoices', {
    config: { access: 'customers.read' },
    schema: { tags: TAG, summary: "A customer's invoices, newest first", params: c.idOrNumberParam, querystring: z.strictObject(pageQuery), response: { 200: pageSchema(invoiceListItem) } },
  }, async (request) => listCustomerInvoices(ctx, actorOf(request), request.params.idOrNumber, request.query));

  app.patch('/api/v1/customers/:idOrNumber/contracts/:contractId', {
    config: { access: 'billing.write' },
    schema: { tags: TAG, summary: "Change a contract's title, end date or status (DRAFT → ACTIVE → EXPIRED/TERMINATED)", params: contractParams, body: contractPatch, response: { 200: contractResponse } },
  }, async (request) => changeContract(ctx, actorOf(request), request.params.idOrNumber, request.params.contractId, request.body));

  app.post('/api/v1/customers/:idOrNumber/invoices/:invoiceId/payments', {
    config: { access: 'billing.write' },
    schema: { tags: TAG, summary: 'Record a payment on an invoice (never more than is owed; the full amount marks it PAID)', params: invoiceParams, body: paymentBody, response: { 200: invoiceResponse } },
  }, async (request) => recordPayment(ctx, actorOf(request), request.params.idOrNumber, request.params.invoiceId, request.body));

  app.post('/api/v1/customers/:idOrNumber/invoices/:invoiceId/cancel', {
    config: { access: 'billing.write' },
    schema: { tags: TAG, summary: 'Cancel an invoice that has no payments', params: invoiceParams, response: { 200: invoiceResponse } },
  }, async (request) => cancelInvoice(ctx, actorOf(request), request.params.idOrNumber, request.params.invoiceId));
};
