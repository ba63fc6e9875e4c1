import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import type { FileRow } from '../../../platform/files/files.repository.ts';
import { notFound, unprocessable } from '../../../platform/http/errors.ts';
import * as messages from '../messages.repository.ts';
import { isClient, visibleTo } from '../tickets.policy.ts';
import { presentMessage } from '../tickets.presenters.ts';
import { emitMessage, emitUpdate } from '../tickets.realtime.ts';
import * as repo from '../tickets.repository.ts';

interface NewMessage {
  body: string;
  internal: boolean;
  file?: FileRow;
}

/** What may be written to this ticket at all: checked before a byte of an upload is read. */
async function writableTicket(db: Db, actor: Actor, idOrNumber: string, internal: boolean) {
  if (internal && isClient(actor)) throw unprocessable('field_not_allowed', 'Clients cannot write internal notes.', [{ field: 'internal', message: 'Clients cannot set this field.' }]);
  const ticket = await repo.findTicketForUpdate(db, idOrNumber, visibleTo(actor));
  if (!ticket) throw notFound('ticket');
  if (ticket.status === 'closed') throw unprocessable('ticket_closed', 'The ticket is closed: reopen it to write again.', [{ field: 'status', message: 'Closed.' }]);
  return ticket;
}

/**
 * TKT-4: a message, an internal note or a file (an upload appears as a message). A client's reply to
 * a ticket waiting on them puts it back in progress; the first public staff reply stamps the first
 * response time. Internal notes reach staff only: their history entry is internal and their realtime
 * notice goes to the staff room.
 */
async function write(ctx: AppContext, actor: Actor, idOrNumber: string, input: NewMessage) {
  const result = await ctx.database.transaction(async (tx) => {
    const ticket = await writableTicket(tx, actor, idOrNumber, input.internal);
    const row = await messages.insertMessage(tx, { ticketId: ticket.id, authorId: actor.userId, body: input.body, internal: input.internal, fileId: input.file?.id ?? null });
    const action = input.file ? 'attachment' : input.internal ? 'note' : 'message';
    await appendHistory(tx, {
      entityType: 'ticket',
      entityId: ticket.id,
      actorId: actor.userId,
      action,
      changes: input.file ? [{ field: 'file', from: null, to: input.file.name }] : [],
      internal: input.internal,
    });
    let reopened = false;
    const touch: Parameters<typeof repo.touchTicket>[2] = {};
    if (isClient(actor) && !input.internal && ticket.status === 'waiting_on_customer') {
      reopened = await repo.updateTicket(tx, ticket.id, ticket.version, { status: 'in_progress' });
      await appendHistory(tx, { entityType: 'ticket', entityId: ticket.id, actorId: actor.userId, action: 'status', changes: [{ field: 'status', from: ticket.status, to: 'in_progress' }] });
    }
    if (!isClient(actor) && !input.internal && !ticket.firstResponseAt) touch.firstResponseAt = new Date();
    await repo.touchTicket(tx, ticket.id, touch);
    await recordEvent(tx, 'ticket.message', { ticketId: ticket.id, number: ticket.number, messageId: row.id, internal: input.internal, authorId: actor.userId });
    return { ticket, messageId: row.id, reopened };
  });
  ctx.afterCommit();
  const message = presentMessage((await messages.findMessage(ctx.database.db, result.messageId))!);
  emitMessage(ctx, result.ticket.id, result.ticket.number, message);
  if (result.reopened) emitUpdate(ctx, result.ticket.id, result.ticket.number, ['status'], result.ticket.version + 1);
  return message;
}

export function postMessage(ctx: AppContext, actor: Actor, idOrNumber: string, input: { body: string; internal: boolean }) {
  return write(ctx, actor, idOrNumber, input);
}

/**
 * One uploaded file as a message. The ticket is checked first (an outsider's upload is never read);
 * the platform file store enforces the size limit while streaming (413, nothing stored) and types
 * the file from its bytes.
 */
export async function attachFile(ctx: AppContext, actor: Actor, idOrNumber: string, internal: boolean, receive: () => Promise<FileRow>) {
  await writableTicket(ctx.database.db, actor, idOrNumber, internal);
  const file = await receive();
  return write(ctx, actor, idOrNumber, { body: '', internal, file });
}
