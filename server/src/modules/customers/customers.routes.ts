import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { etag, expectedVersion } from '../../platform/http/versioning.ts';
import * as c from './customers.contracts.ts';
import { presentCustomerDetail, presentPortalCustomer } from './customers.presenters.ts';
import * as repo from './customers.repository.ts';
import { createCustomer } from './use-cases/create-customer.ts';
import { getCustomer, listCustomers } from './use-cases/list-customers.ts';
import { assignCustomer, updateCustomer } from './use-cases/update-customer.ts';

const TAG = ['customers'];

/** CUS-1/2/4: the customer list, profile reads and writes. Every read is scoped by customers.policy. */
export const customerRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const detail = async (actor: ReturnType<typeof actorOf>, idOrNumber: string) => {
    const { customer, addresses } = await getCustomer(ctx, actor, idOrNumber);
    return presentCustomerDetail(customer, addresses);
  };

  // The record a write just changed, whatever the writer's scope is now (an assignment may move it out).
  const written = async (id: string) => {
    const row = (await repo.unsafeFindWrittenCustomer(ctx.database.db, id))!;
    return presentCustomerDetail(row, await repo.listAddresses(ctx.database.db, id));
  };

  app.get('/api/v1/customers', {
    config: { access: 'customers.read' },
    schema: {
      tags: TAG,
      summary: 'List customers (filters, search q, segment, sort, keyset cursor)',
      description: 'custom: a JSON object of custom field values, e.g. custom={"tier":"gold"}. Lists: status=LEAD,PROSPECT.',
      querystring: c.listCustomersQuery,
      response: { 200: pageSchema(c.customerResponse) },
    },
  }, async (request) => listCustomers(ctx, actorOf(request), request.query));

  app.post('/api/v1/customers', {
    config: { access: 'customers.write' },
    schema: { tags: TAG, summary: 'Create a customer', body: c.createCustomerBody, response: { 201: c.customerDetailResponse } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const id = await createCustomer(ctx, actor, request.body);
    const created = await written(id);
    reply.header('ETag', etag(created.version));
    return reply.status(201).send(created);
  });

  app.get('/api/v1/customers/:idOrNumber', {
    config: { access: 'customers.read' },
    schema: { tags: TAG, summary: 'One customer by id or number (CUST-YYYY-NNNNNN)', params: c.idOrNumberParam, response: { 200: c.customerDetailResponse } },
  }, async (request, reply) => {
    const customer = await detail(actorOf(request), request.params.idOrNumber);
    reply.header('ETag', etag(customer.version));
    return customer;
  });

  app.patch('/api/v1/customers/:idOrNumber', {
    config: { access: 'customers.write' },
    schema: { tags: TAG, summary: 'Edit a customer (If-Match: version)', params: c.idOrNumberParam, body: c.updateCustomerBody, response: { 200: c.customerDetailResponse } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const id = await updateCustomer(ctx, actor, request.params.idOrNumber, expectedVersion(request), request.body);
    const customer = await detail(actor, id);
    reply.header('ETag', etag(customer.version));
    return customer;
  });

  app.post('/api/v1/customers/:idOrNumber/assign', {
    config: { access: 'customers.assign' },
    schema: { tags: TAG, summary: 'Assign owner and/or team', params: c.idOrNumberParam, body: c.assignBody, response: { 200: c.customerDetailResponse } },
  }, async (request) => {
    const actor = actorOf(request);
    const id = await assignCustomer(ctx, actor, request.params.idOrNumber, request.body);
    return written(id);
  });

  app.get('/api/v1/portal/customer', {
    config: { access: 'portal.customer.read' },
    schema: { tags: ['portal'], summary: "The signed-in client's own customer profile", response: { 200: c.portalCustomerResponse } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!actor.customerId) throw notFound('customer');
    const { customer, addresses } = await getCustomer(ctx, actor, actor.customerId);
    return presentPortalCustomer(customer, addresses);
  });
};
