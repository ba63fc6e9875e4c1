import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { EventInput } from '../../../platform/events/catalogue.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { AppError, conflict, notFound, unprocessable } from '../../../platform/http/errors.ts';
import type { DuplicateMode } from '../../../platform/imports/import.contracts.ts';
import {
  type BulkTicket,
  type CheckedTicket,
  createMemo,
  createTicketsInBulk,
  distributeAfterCreate,
  dueDates,
  initialStatus,
  listSlaPolicies,
  staffContacts,
  ticketsByKey,
  ticketVisibleTo,
  updateTicket,
} from '../../tickets/index.ts';
import { targetOf } from '../ticket-fields.ts';
import * as repo from '../ticket-import.repository.ts';
import { checkRow, type StoredRow } from './preview-import.ts';

type NewRow = Extract<StoredRow, { kind: 'create' }>;
type DuplicateRow = Extract<StoredRow, { kind: 'duplicate' }>;

/** A preview older than this is stale: what it showed may no longer hold. */
export const PREVIEW_TTL_SECONDS = 60 * 60;
/** Numbers listed in the answer; the rest are in the list's `source=bulk` tickets. */
const LISTED = 50;
/** Rows per multi-row statement: a chunk's JSON stays a few MB, and each statement's work bounded. */
export const COMMIT_CHUNK = 1000;
/** Numbers named in the digest mail per component (TKT-8 for bulk: one mail, not one per ticket). */
export const DIGEST_NUMBERS = 20;

/** The `tickets.bulk_created` event (ticket-import.events.ts): one per commit, so staff get a digest instead of a mail per ticket. */
export type BulkCreatedEvent = EventInput<'tickets.bulk_created'>;

/**
 * POST /tickets/import/:id/commit: every valid new row of the preview becomes a ticket (source
 * `bulk` unless the file names one, numbers from the sequence, a history entry and a `ticket.created`
 * event each), and each duplicate is skipped or updates its ticket (duplicateMode), all in ONE
 * transaction. The import row is locked first, so two commits of one preview queue up and the
 * second gets 409. Each row is checked again inside the transaction with checkNewTicket (through
 * checkRow): if something changed since the preview (a customer moved out of scope, a type was
 * switched off), nothing is written and the preview is stale, rather than quietly creating fewer
 * tickets than the user confirmed.
 *
 * The writing is set-based: per chunk of COMMIT_CHUNK rows one insert of the tickets, one of their
 * history and one of their events, whatever the chunk's size; contacts and SLA policies are read once.
 */
export async function commitImport(ctx: AppContext, actor: Actor, importId: string, duplicateMode: DuplicateMode) {
  const result = await ctx.database.transaction(async (tx) => {
    const found = await repo.lockImport<StoredRow>(tx, importId);
    // Another user's preview is not theirs to commit: 404, as if it did not exist.
    if (!found || found.ownerId !== actor.userId) throw notFound('import');
    if (found.committedAt) throw conflict('import_committed', `This file was already imported at ${found.committedAt.toISOString()}; nothing was created again.`);
    if (found.ageSeconds === null) throw unprocessable('import_not_previewed', 'Map the columns and preview the file first.', [{ field: 'mapping', message: 'Not previewed.' }]);
    if (found.ageSeconds > PREVIEW_TTL_SECONDS) throw conflict('import_stale', 'This preview is more than an hour old; upload the file again to check it anew.');
    const creates = found.rows.filter((r): r is NewRow => r.kind === 'create');
    const duplicates = found.rows.filter((r): r is DuplicateRow => r.kind === 'duplicate');
    const checked = await recheck(tx, actor, creates);
    const numbers = await writeTickets(tx, actor, creates, checked, importId);
    const updates = duplicateMode === 'update' ? await updateDuplicates(ctx, tx, actor, duplicates) : { updated: 0, unchanged: duplicates.length, problems: [] };
    const answer = {
      created: numbers.length,
      updated: updates.updated,
      skipped: found.total - found.valid + updates.unchanged,
      failed: updates.problems.length,
      numbers: numbers.slice(0, LISTED),
      problems: updates.problems,
    };
    await repo.markCommitted(tx, importId, answer);
    const queues = new Set(creates.filter((r) => !r.input.processorId && r.input.componentId).map((r) => r.input.componentId!));
    return { answer, queues };
  });
  ctx.afterCommit();
  // TKT-10, as for a single new ticket: round-robin/least-load components hand the new tickets out.
  for (const componentId of result.queues) await distributeAfterCreate(ctx, componentId);
  return result.answer;
}

/** Every new row by POST /tickets' rules again, inside the commit's transaction; the first failure refuses the whole file. */
async function recheck(tx: Db, actor: Actor, rows: NewRow[]): Promise<CheckedTicket[]> {
  const memo = createMemo();
  const out: CheckedTicket[] = [];
  for (const row of rows) {
    const { errors, checked } = await checkRow(tx, actor, row.input, [], memo);
    if (!checked) throw conflict('import_stale', `Row ${row.line} is no longer valid (${errors[0].field}: ${errors[0].message}); upload the file again.`, errors);
    out.push(checked);
  }
  return out;
}

/**
 * "update": each duplicate's cells go through PATCH /tickets/:id's own use case (its rules,
 * history, `ticket.updated` event, realtime notice), each in a savepoint of the commit. A refusal
 * (the ticket's rules, or someone changed it meanwhile) fails that row alone, reported with its
 * line and field; what else the file does still happens.
 */
async function updateDuplicates(ctx: AppContext, tx: Db, actor: Actor, rows: DuplicateRow[]) {
  const problems: { line: number; number: string; field: string; message: string }[] = [];
  let updated = 0;
  let unchanged = 0;
  const current = new Map((await ticketsByKey(tx, ticketVisibleTo(actor), 'number', rows.map((r) => r.ticket.number))).map((t) => [t.id, t]));
  for (const row of rows) {
    const ticket = current.get(row.ticket.id);
    if (!ticket) {
      problems.push({ line: row.line, number: row.ticket.number, field: 'row', message: 'The ticket is no longer visible to you.' });
      continue;
    }
    if (!row.update || !Object.keys(row.update).length) {
      unchanged++;
      continue;
    }
    try {
      await updateTicket(ctx, actor, ticket.id, ticket.version, row.update);
      const after = (await ticketsByKey(tx, ticketVisibleTo(actor), 'number', [ticket.number]))[0];
      if (after && after.version !== ticket.version) updated++;
      else unchanged++;
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const first = error.fields[0];
      problems.push({ line: row.line, number: ticket.number, field: first ? targetOf(first.field) : 'row', message: first?.message ?? error.message });
    }
  }
  return { updated, unchanged, problems };
}

/** The tickets, their history and their events, chunk by chunk; then the one digest event. Numbers in file order. */
async function writeTickets(tx: Db, actor: Actor, rows: NewRow[], checked: CheckedTicket[], importId: string): Promise<string[]> {
  // As the single path: the customer's own contact details (staff create bulk files), and SLA targets
  // from the priority's policy counted from the creation instant — the transaction's now(), as created_at.
  const contacts = await staffContacts(tx, actor, [...new Set(checked.map((c) => c.customerId))]);
  const policies = new Map((await listSlaPolicies(tx)).map((p) => [p.priority, p]));
  const createdAt = await repo.transactionNow(tx);
  const numbers: string[] = [];
  const byComponent = new Map<string, string[]>();
  for (let start = 0; start < rows.length; start += COMMIT_CHUNK) {
    const values = rows.slice(start, start + COMMIT_CHUNK).map((row, i): BulkTicket => {
      const { input, extra } = row;
      const c = checked[start + i];
      const processorId = input.processorId ?? null;
      return {
        title: input.title,
        description: input.description,
        typeId: c.typeId,
        category: input.category,
        priority: input.priority,
        componentId: input.componentId ?? null,
        customerId: c.customerId,
        processorId,
        status: initialStatus(processorId),
        tags: input.tags ?? [],
        typeFields: c.typeFields,
        custom: c.custom,
        campaignRef: extra.campaignRef,
        productInterest: extra.productInterest,
        ...contacts.get(c.customerId)!,
        source: input.source ?? 'bulk',
        externalRef: extra.externalRef,
        createdAt: extra.createdAt ? new Date(extra.createdAt) : null,
        // TKT-9: the targets count from when the ticket was opened (in the system it came from, if the file says).
        ...dueDates(policies.get(input.priority) ?? null, extra.createdAt ? new Date(extra.createdAt) : createdAt),
      };
    });
    // The tickets, their history and one `ticket.created` each: three statements per chunk, by the tickets module.
    const created = await createTicketsInBulk(tx, actor.userId, values, importId);
    created.forEach((t, i) => {
      numbers.push(t.number);
      const componentId = values[i].componentId;
      if (componentId) (byComponent.get(componentId) ?? byComponent.set(componentId, []).get(componentId)!).push(t.number);
    });
  }
  if (numbers.length) {
    const event: BulkCreatedEvent = {
      importId,
      actorId: actor.userId,
      count: numbers.length,
      byComponent: [...byComponent].map(([componentId, list]) => ({ componentId, count: list.length, numbers: list.slice(0, DIGEST_NUMBERS) })),
    };
    await recordEvent(tx, 'tickets.bulk_created', event);
  }
  return numbers;
}
