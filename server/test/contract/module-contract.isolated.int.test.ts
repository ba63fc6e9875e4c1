import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { customerVisibleTo } from '../../src/modules/customers/index.ts';
import { MODULES } from '../../src/modules/registry.ts';
import { actorOf } from '../../src/platform/auth/auth-hook.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { notFound } from '../../src/platform/http/errors.ts';
import { defineModule } from '../../src/platform/module.ts';
import { can, definePermissions, permissionsOf } from '../../src/platform/permissions/roles.ts';
import { type Agent, createTestApp, type TestApp } from '../harness.ts';

/**
 * The module contract, proven with a module that exists only in this file: declared once and handed
 * to buildApp, its permissions, routes, 360° section and search group appear with no other code
 * touched — the way a new domain joins the registry with one line.
 */
const notePermissions = definePermissions({
  'contract_notes.read': { roles: ['admin', 'manager', 'sales', 'agent'], description: 'Read customer notes (test module).' },
  'contract_notes.write': { roles: ['admin', 'sales'], description: 'Write customer notes (test module).' },
});
declare module '../../src/platform/permissions/roles.ts' {
  interface PermissionRegistry extends Record<keyof typeof notePermissions, true> {}
}

const noteRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post('/api/v1/contract-notes', {
    config: { access: 'contract_notes.write' },
    schema: { body: z.strictObject({ customerId: z.uuid(), body: z.string().min(1).max(200) }), response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    // Through the customers module's own scope filter: a customer the caller may not see is a 404.
    const visible = await ctx.database.db.execute(sql`select 1 from customers where id = ${request.body.customerId}::uuid and ${customerVisibleTo(actor)}`);
    if (!(visible as unknown[]).length) throw notFound('customer');
    const [row] = (await ctx.database.db.execute(sql`insert into contract_notes (customer_id, body, author_id)
      values (${request.body.customerId}::uuid, ${request.body.body}, ${actor.userId}::uuid) returning id`)) as unknown as { id: string }[];
    return reply.status(201).send(row);
  });
};

const hit = z.object({ id: z.uuid(), number: z.string(), title: z.string() });
const notesModule = defineModule({
  name: 'contract-notes',
  permissions: notePermissions,
  scopes: { admin: 'every note', sales: 'every note' },
  routes: [noteRoutes],
  customer: {
    sections: [{
      name: 'contractNotes',
      visibleTo: (actor) => can(actor.role, 'contract_notes.read'),
      summary: (id) => sql`(select json_build_object('count', count(*)) from contract_notes n where n.customer_id = ${id})`,
      timeline: (id) => sql`select n.created_at as at, 'contract_note'::text as kind, n.id::text as id, n.body as title, '{}'::jsonb as data
        from contract_notes n where n.customer_id = ${id}`,
    }],
  },
  search: [{
    group: 'contractNotes',
    hit,
    visibleTo: (actor) => can(actor.role, 'contract_notes.read'),
    async search(ctx, _actor, q, limit) {
      const rows = (await ctx.database.db.execute(sql`select n.id, c.number, n.body as title from contract_notes n join customers c on c.id = n.customer_id
        where n.body ilike ${`%${q}%`} order by n.created_at desc limit ${limit}`)) as unknown as z.infer<typeof hit>[];
      return rows;
    },
  }],
});

describe('the module contract', () => {
  // One app for the file: the `it`s below build on the note the first one writes, in order.
  let t: TestApp;
  let sales: Agent;
  let marketing: Agent;
  let customer: { id: string; number: string };
  beforeAll(async () => {
    t = await createTestApp({}, { modules: [...MODULES, notesModule] });
    await t.database.executor.exec(`create table contract_notes (id uuid primary key default gen_random_uuid(),
      customer_id uuid not null references customers(id), body text not null, author_id uuid not null, created_at timestamptz not null default now())`);
    [sales, marketing] = await Promise.all([t.loginAs('sales'), t.loginAs('marketing')]);
    customer = (await sales.post('/api/v1/customers', { fullName: 'Contract Note Holder' })).json();
  });
  afterAll(async () => t.stop());

  it('registers the new module’s routes with their declared permission, enforced by the auth hook', async () => {
    expect(t.routes).toContainEqual({ method: 'POST', url: '/api/v1/contract-notes', access: 'contract_notes.write' });
    expect((await t.anonymous().post('/api/v1/contract-notes', {})).statusCode).toBe(401);
    const refused = await marketing.post('/api/v1/contract-notes', { customerId: customer.id, body: 'not mine to write' });
    expect(refused.statusCode).toBe(403);
    const created = await sales.post('/api/v1/contract-notes', { customerId: customer.id, body: 'Prefers calls after 3 pm' });
    expect(created.statusCode, created.body).toBe(201);
  });

  it('merges its permissions into the matrix: /me and the OpenAPI document list them', async () => {
    expect(permissionsOf('sales')).toEqual(expect.arrayContaining(['contract_notes.read', 'contract_notes.write']));
    expect(permissionsOf('marketing')).not.toContain('contract_notes.read');
    expect((await sales.get('/api/v1/me')).json().permissions).toEqual(expect.arrayContaining(['contract_notes.write']));
    const doc = (await t.anonymous().get('/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toContain('/api/v1/contract-notes');
  });

  it('adds its section and timeline rows to the customer 360° view, only for callers who may read it', async () => {
    const o = (await sales.get(`/api/v1/customers/${customer.id}/overview`)).json();
    expect(o.sections.contractNotes).toEqual({ count: 1 });
    expect(o.timeline.items).toContainEqual(expect.objectContaining({ kind: 'contract_note', title: 'Prefers calls after 3 pm' }));
    const other = (await marketing.get(`/api/v1/customers/${customer.id}/overview`)).json();
    expect(other.sections.contractNotes).toBeUndefined();
    expect(other.timeline.items.some((i: { kind: string }) => i.kind === 'contract_note')).toBe(false);
  });

  it('adds its group to the global search, absent for callers who may not read it', async () => {
    const found = (await sales.get('/api/v1/search?q=calls after')).json();
    expect(found.contractNotes).toEqual([expect.objectContaining({ number: customer.number, title: 'Prefers calls after 3 pm' })]);
    expect((await marketing.get('/api/v1/search?q=calls after')).json().contractNotes).toBeUndefined();
  });

  it('refuses a module listed twice and a permission declared twice with other grants', async () => {
    await expect(createTestApp({}, { modules: [...MODULES, notesModule, notesModule] })).rejects.toThrow(/listed twice/);
    expect(() => definePermissions({ 'contract_notes.read': { roles: ['admin'], description: 'again' } })).toThrow(/declared twice/);
    expect(() => can('admin', 'no.such' as never)).toThrow(/unknown permission/);
  });
});
