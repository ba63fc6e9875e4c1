import { Readable } from 'node:stream';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { definitionsFor } from '../../../platform/custom-fields/custom-fields.repository.ts';
import { type CustomerFilter, type CustomerRow, filterConditions, listCustomerRows, type SortKey } from '../../customers/index.ts';
import { csvLine, UTF8_BOM } from '../../../platform/csv/csv.ts';

/** Rows per keyset page: big enough to amortise the round trip, small enough to stream. */
const PAGE = 1000;

/**
 * Column headers are the import's field names, so an exported file imports back without mapping.
 * `fullName` holds the display name (a company's name for companies, which import reads from
 * companyName). Owner and team are names for people to read, not for import.
 */
const COLUMNS: [string, (c: CustomerRow) => unknown][] = [
  ['number', (c) => c.number],
  ['type', (c) => c.type],
  ['fullName', (c) => (c.type === 'individual' ? c.name : null)],
  ['firstName', (c) => c.firstName],
  ['lastName', (c) => c.lastName],
  ['companyName', (c) => c.companyName],
  ['title', (c) => c.title],
  ['email', (c) => c.email],
  ['phone', (c) => c.phone],
  ['mobile', (c) => c.mobile],
  ['taxId', (c) => c.taxId],
  ['industry', (c) => c.industry],
  ['employeeCount', (c) => c.employeeCount],
  ['annualRevenue', (c) => c.annualRevenue],
  ['website', (c) => c.website],
  ['country', (c) => c.country],
  ['level', (c) => c.level],
  ['status', (c) => c.status],
  ['priority', (c) => c.priority],
  ['source', (c) => c.source],
  ['tags', (c) => c.tags],
  ['notes', (c) => c.notes],
  ['ownerName', (c) => c.owner?.name ?? null],
  ['teamName', (c) => c.team?.name ?? null],
  ['lastContactAt', (c) => c.lastContactAt],
  ['nextContactAt', (c) => c.nextContactAt],
  ['totalValue', (c) => c.totalValue],
  ['lifetimeValue', (c) => c.lifetimeValue],
  ['createdAt', (c) => c.createdAt],
];

/**
 * PLT-9 export: the list the caller sees (same filters, same scope as GET /customers), streamed by
 * keyset pages, custom fields as columns, every cell safe against formula injection, UTF-8 BOM.
 * Filters are checked before the first byte goes out, so a bad filter is a proper 400.
 */
export async function exportCustomers(ctx: AppContext, actor: Actor, filter: CustomerFilter, sort: SortKey, order: 'asc' | 'desc'): Promise<Readable> {
  const db = ctx.database.db;
  const where = await filterConditions(db, actor, filter);
  const defs = (await definitionsFor(db, 'customer')).filter((d) => d.active);
  async function* lines() {
    yield UTF8_BOM + csvLine([...COLUMNS.map(([h]) => h), ...defs.map((d) => `custom.${d.key}`)]);
    let after: [string | null, string] | undefined;
    for (;;) {
      const rows = await listCustomerRows(db, { where, sort, order, after, limit: PAGE });
      const page = rows.slice(0, PAGE);
      let chunk = '';
      for (const c of page) {
        const custom = (c.custom ?? {}) as Record<string, unknown>;
        chunk += csvLine([...COLUMNS.map(([, get]) => get(c)), ...defs.map((d) => custom[d.key])]);
      }
      if (chunk) yield chunk;
      if (rows.length <= PAGE) return;
      const last = page[page.length - 1];
      after = [last.sortKey, last.id];
    }
  }
  return Readable.from(lines());
}
