import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { subscribeTopic } from '../notifications/realtime.ts';
import { TICKETS_KEY, ticketKey } from './tickets.api.ts';

interface TicketEvent {
  ticketId: string;
  number: string;
}

/**
 * Live updates for one open ticket, on the tab's one socket: it joins `ticket:<id>` (the server
 * picks the staff or the public room by who asks, so a client never receives internal notes; a
 * ticket the user cannot see is refused with {ok:false}) and any `ticket.message` / `ticket.updated`
 * refreshes the ticket, its conversation and the lists through REST, which applies the policy.
 * Used by the staff workspace and the client portal alike. Returns whether the room is joined
 * (for a small "live" hint).
 */
export function useTicketRoom(ticketId: string | undefined, number: string | undefined) {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!ticketId || !number) return;
    // The ticket's queries (its conversation and history included) all start with ticketKey.
    const reload = () => void queryClient.invalidateQueries({ queryKey: ticketKey(number) });
    const refresh = (event: TicketEvent) => {
      // The shared socket may still be in rooms of tickets opened before: only this one counts.
      if (event?.ticketId !== ticketId) return;
      reload();
      void queryClient.invalidateQueries({ queryKey: [...TICKETS_KEY, 'list'] });
    };
    const leave = subscribeTopic(`ticket:${ticketId}`, {
      events: { 'ticket.message': refresh, 'ticket.updated': refresh },
      onJoin: (ok, rejoined) => {
        setLive(ok);
        // After a reconnect, whatever happened while disconnected is fetched once.
        if (rejoined) reload();
      },
      onDisconnect: () => setLive(false),
    });
    return () => {
      leave();
      setLive(false);
    };
  }, [ticketId, number, queryClient]);
  return live;
}
