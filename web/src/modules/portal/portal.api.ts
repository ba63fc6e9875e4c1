import { useKeysetList } from '../../api/useKeysetList.ts';
import { TICKETS_KEY } from '../tickets/tickets.api.ts';
import type { Ticket } from '../tickets/tickets.types.ts';

/**
 * What only the client portal asks of the tickets API (docs/tickets.md, TKT-13); everything else
 * (a ticket, its conversation, writes, live updates) is the staff workspace's own hooks in
 * tickets/tickets.api.ts. The server scopes every read to the client's own customer and strips
 * internal notes, so nothing here filters for safety.
 */
/** The client's tickets, newest first, with word/number search; under the tickets' list key so every write refreshes it. */
export function usePortalTicketList(query: { q?: string; status?: string; view?: 'open'; limit?: number }) {
  return useKeysetList<Ticket>([...TICKETS_KEY, 'list', 'portal'], '/api/v1/tickets', { limit: 20, ...query });
}
