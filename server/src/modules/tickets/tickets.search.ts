import { z } from 'zod';
import type { SearchProvider } from '../../platform/module.ts';
import { can } from '../../platform/permissions/roles.ts';
import type { ListTicketsQuery } from './tickets.contracts.ts';
import { listTickets } from './use-cases/read-tickets.ts';

const ticketHit = z.object({ id: z.uuid(), number: z.string(), title: z.string(), status: z.string() });

/**
 * PLT-8: tickets in the header search, through the list's own `q` and visibility — a client finds only
 * their own customer's tickets, and never by words that appear only in an internal note.
 */
export const ticketSearch: SearchProvider<z.infer<typeof ticketHit>> = {
  group: 'tickets',
  hit: ticketHit,
  visibleTo: (actor) => can(actor.role, 'tickets.read'),
  async search(ctx, actor, q, limit) {
    const { items } = await listTickets(ctx, actor, { q, limit } as ListTicketsQuery);
    return items.map((t) => ({ id: t.id, number: t.number, title: t.title, status: t.status }));
  },
};
