/**
 * The TKT-3 status graph. It imports nothing on purpose: the web imports these values straight from
 * here (one graph for the moves the UI offers and the moves the server allows), so this file must
 * never pull server code into the browser bundle.
 */
/** TKT-1/TKT-4 limits: a title, and a description or message, in characters. */
export const TITLE_MAX = 100;
export const MESSAGE_MAX = 5000;

export const STATUSES = ['new', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof STATUSES)[number];

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
