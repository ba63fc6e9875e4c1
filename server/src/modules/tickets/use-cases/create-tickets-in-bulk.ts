import type { Db } from '../../../platform/db/database.ts';
import { recordEvents } from '../../../platform/events/outbox.ts';
import { type BulkTicket, insertCreatedHistory, insertTickets } from '../bulk.repository.ts';
import { createdChanges, createdPayload } from './create-ticket.ts';

/**
 * TKT-11: a chunk of checked tickets (checkNewTicket's values, the single path's status, contacts and
 * SLA targets) in the caller's transaction, in THREE statements whatever the chunk's size: the
 * tickets (source `bulk`, numbers in order), their `created` history, and their `ticket.created`
 * events — the single create's payload, so every subscriber sees imported tickets too. The new-ticket
 * mail skips source `bulk`: the import announces them with one digest (`tickets.bulk_created`).
 */
export async function createTicketsInBulk(tx: Db, actorId: string, values: BulkTicket[], importId?: string): Promise<{ id: string; number: string }[]> {
  if (!values.length) return [];
  const created = await insertTickets(tx, actorId, values);
  await insertCreatedHistory(tx, actorId, created.map((t, i) => ({ entityId: t.id, changes: createdChanges(values[i].status, values[i].componentId, values[i].processorId) })));
  await recordEvents(tx, 'ticket.created', created.map((t, i) => ({ ...createdPayload(t, values[i].customerId, values[i].componentId, actorId), ...(importId ? { importId } : {}) })));
  return created;
}
