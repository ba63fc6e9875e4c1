import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound, unprocessable } from '../../../platform/http/errors.ts';
import { renderMarkdown } from '../../../platform/text/markdown.ts';
import { sanitizeRichText } from '../../../platform/text/rich-text.ts';
import { ticketAnswer } from '../../tickets/index.ts';

const PLACEHOLDER = '[…]';
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** Phone-shaped runs: an optional +, then 8 or more digits with spaces, dots, dashes or brackets between. */
const PHONE = /\+?\d(?:[\s().-]*\d){7,}/g;

/** Removes what identifies the client from a text: their own details by value, then any e-mail address or phone number. */
export function stripPersonal(text: string, personal: (string | null)[]): { text: string; removed: string[] } {
  const removed = new Set<string>();
  let out = text;
  const values = personal.filter((v): v is string => !!v && v.trim().length >= 3).sort((a, b) => b.length - a.length);
  for (const value of values) {
    const escaped = value.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(escaped, 'giu');
    if (pattern.test(out)) removed.add(value.trim());
    out = out.replace(pattern, PLACEHOLDER);
  }
  for (const pattern of [EMAIL, PHONE]) {
    out = out.replace(pattern, (found) => (removed.add(found), PLACEHOLDER));
  }
  return { text: out, removed: [...removed] };
}

/**
 * KB-1: a resolved ticket's answer as a draft article, for a writer to review before saving — the
 * ticket's title and its latest public staff reply, with the client's name, customer, e-mail and
 * phone (and any other address or number) replaced by "[…]"; `removed` lists what was taken out so
 * the review can check it. Nothing is saved here. 404 for a ticket the writer may not see.
 */
export async function draftFromTicket(ctx: AppContext, actor: Actor, ticketId: string) {
  const ticket = await ticketAnswer(ctx.database.db, actor, ticketId);
  if (!ticket) throw notFound('ticket', [{ field: 'ticketId', message: 'No such ticket.' }]);
  if (ticket.status !== 'resolved' && ticket.status !== 'closed') {
    throw unprocessable('ticket_not_resolved', 'Only a resolved or closed ticket has an answer to publish.', [{ field: 'ticketId', message: 'Not resolved yet.' }]);
  }
  if (!ticket.answer) throw unprocessable('ticket_without_answer', 'The ticket has no public reply from staff to turn into an article.', [{ field: 'ticketId', message: 'No staff reply.' }]);
  const title = stripPersonal(ticket.title, ticket.personal);
  const answer = stripPersonal(ticket.answer, ticket.personal);
  return { title: title.text.slice(0, 200), body: sanitizeRichText(renderMarkdown(answer.text)), removed: [...new Set([...title.removed, ...answer.removed])] };
}
