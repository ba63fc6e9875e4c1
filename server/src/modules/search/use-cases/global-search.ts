import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { can } from '../../../platform/permissions/roles.ts';
import { filterConditions, listCustomerRows } from '../../customers/index.ts';
import { type ListTicketsQuery, listTickets } from '../../tickets/index.ts';
import type { SearchQuery } from '../search.contracts.ts';

/**
 * PLT-8 global search. Each group is the owning module's own list search (customers' and tickets'
 * `q`), so their scope rules apply unchanged: a sales user finds the customers and tickets they
 * may see, a client only their own customer's tickets — and never by words that appear only in an
 * internal note. No SQL here: nothing can bypass a policy.
 */
export async function globalSearch(ctx: AppContext, actor: Actor, { q, limit }: SearchQuery) {
  const [customers, tickets] = await Promise.all([
    can(actor.role, 'customers.read') ? searchCustomers(ctx, actor, q, limit) : undefined,
    can(actor.role, 'tickets.read') ? searchTickets(ctx, actor, q, limit) : undefined,
  ]);
  return { ...(customers && { customers }), ...(tickets && { tickets }) };
}

async function searchCustomers(ctx: AppContext, actor: Actor, q: string, limit: number) {
  const db = ctx.database.db;
  const rows = await listCustomerRows(db, { where: await filterConditions(db, actor, { q }), sort: 'name', order: 'asc', limit, searching: true });
  return rows.slice(0, limit).map((c) => ({ id: c.id, number: c.number, name: c.name, hint: [c.email, c.phone].filter(Boolean).join(' · ') || null }));
}

async function searchTickets(ctx: AppContext, actor: Actor, q: string, limit: number) {
  const { items } = await listTickets(ctx, actor, { q, limit } as ListTicketsQuery);
  return items.map((t) => ({ id: t.id, number: t.number, title: t.title, status: t.status }));
}
