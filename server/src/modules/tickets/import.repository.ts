import { and, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { tickets } from './tickets.tables.ts';

/**
 * PLT-9: what the ticket import and export need beyond the list: existing tickets found by a
 * duplicate key (the ticket number or the external reference), and the columns the list rows do not
 * carry (external reference, custom values). Only tickets `visible` lets the caller see.
 */
export const DUPLICATE_KEYS = ['externalRef', 'number'] as const;
export type DuplicateKey = (typeof DUPLICATE_KEYS)[number];

export interface KeyedTicket {
  id: string;
  number: string;
  version: number;
  /** The key's value as stored (upper-case number, or the reference as written). */
  key: string;
}

/** One statement for a whole file's keys. Several tickets may share an external reference: all are returned. */
export async function ticketsByKey(db: Db, visible: SQL, key: DuplicateKey, values: string[]): Promise<KeyedTicket[]> {
  if (!values.length) return [];
  const column = key === 'number' ? tickets.number : tickets.externalRef;
  const rows = await db
    .select({ id: tickets.id, number: tickets.number, version: tickets.version, key: column })
    .from(tickets)
    .where(and(inArray(column, values), isNotNull(column), visible));
  return rows.map((r) => ({ ...r, key: r.key! }));
}

/** The export's extra columns of a page of tickets, by id. */
export async function exportExtras(db: Db, ids: string[]): Promise<Map<string, { externalRef: string | null; custom: Record<string, unknown> }>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: tickets.id, externalRef: tickets.externalRef, custom: tickets.custom }).from(tickets).where(inArray(tickets.id, ids));
  return new Map(rows.map((r) => [r.id, { externalRef: r.externalRef, custom: (r.custom ?? {}) as Record<string, unknown> }]));
}
