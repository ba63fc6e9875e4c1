/**
 * The TKT-3 status graph and the ticket limits. The web never imports this: it gets the moves a reader
 * may make with each ticket (`allowedTransitions`), and the limits from the OpenAPI document (maxLength).
 */
/** TKT-1/TKT-4 limits: a title, and a description or message, in characters. */
export const TITLE_MAX = 100;
export const MESSAGE_MAX = 5000;

export const STATUSES = ['new', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof STATUSES)[number];

/** Open work: SLA clocks run and escalation is possible; resolved and closed tickets are finished. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'in_progress', 'waiting_on_customer'];
export const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

/** new → in_progress ⇄ waiting_on_customer → resolved → closed; reopen back to in_progress. */
export const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['in_progress'],
  in_progress: ['waiting_on_customer', 'resolved'],
  waiting_on_customer: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

/** Clients may confirm (close) a resolved ticket or reopen it; the rest of the workflow is staff's. */
export const CLIENT_TRANSITIONS: Partial<Record<TicketStatus, readonly TicketStatus[]>> = {
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};
