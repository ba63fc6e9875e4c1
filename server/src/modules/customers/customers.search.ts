import { z } from 'zod';
import type { SearchProvider } from '../../platform/module.ts';
import { can } from '../../platform/permissions/roles.ts';
import { listCustomers } from './customers.repository.ts';
import { filterConditions } from './use-cases/list-customers.ts';

const customerHit = z.object({ id: z.uuid(), number: z.string(), name: z.string(), hint: z.string().nullable() });

/** PLT-8: customers in the header search, by the list's own `q` and scope (customers.policy). */
export const customerSearch: SearchProvider<z.infer<typeof customerHit>> = {
  group: 'customers',
  hit: customerHit,
  visibleTo: (actor) => can(actor.role, 'customers.read'),
  async search(ctx, actor, q, limit) {
    const db = ctx.database.db;
    const rows = await listCustomers(db, { where: await filterConditions(db, actor, { q }), sort: 'name', order: 'asc', limit, searching: true });
    return rows.slice(0, limit).map((c) => ({ id: c.id, number: c.number, name: c.name, hint: [c.email, c.phone].filter(Boolean).join(' · ') || null }));
  },
};
