import { Readable } from 'node:stream';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { csvLine, UTF8_BOM } from '../../../platform/csv/csv.ts';
import { definitionsFor } from '../../../platform/custom-fields/custom-fields.repository.ts';
import { exportExtras, type ListTicketsQuery, listTickets } from '../../tickets/index.ts';

/** The list's largest page: the export walks the list's own keyset pages. */
const PAGE = 200;

type Item = Awaited<ReturnType<typeof listTickets>>['items'][number];

/**
 * Only what a list row shows, plus the external reference and the custom fields. Never message
 * bodies, descriptions or internal notes: the list rows these come from carry none of them. The
 * headers are the import's targets where a column can go back in (customer by number, component by
 * name, created as createdAt), so an exported file imports back with the proposed mapping; names for
 * people to read (customerName, processorName) and status map to nothing.
 */
const COLUMNS: [string, (t: Item) => unknown][] = [
  ['number', (t) => t.number],
  ['title', (t) => t.title],
  ['status', (t) => t.status],
  ['priority', (t) => t.priority],
  ['type', (t) => t.type.key],
  ['category', (t) => t.category],
  ['source', (t) => t.source],
  ['component', (t) => t.component?.name ?? null],
  ['customer', (t) => t.customer.number],
  ['customerName', (t) => t.customer.name],
  ['processorName', (t) => t.processor?.name ?? null],
  ['created', (t) => t.createdAt],
  ['tags', (t) => t.tags],
];

/**
 * GET /tickets/export.csv: exactly GET /tickets (the list use case itself: its filters, views,
 * visibility and refusals), page after page, each page's external references and custom values in
 * one more statement, every cell safe against formula injection (the customers export's writer). The
 * first page is read before the response starts, so a bad filter is a proper 400 instead of a broken
 * download.
 */
export async function exportTickets(ctx: AppContext, actor: Actor, query: Omit<ListTicketsQuery, 'limit' | 'cursor'>): Promise<Readable> {
  const db = ctx.database.db;
  const first = await listTickets(ctx, actor, { ...query, limit: PAGE } as ListTicketsQuery);
  const defs = (await definitionsFor(db, 'ticket')).filter((d) => d.active);
  async function* lines() {
    yield UTF8_BOM + csvLine([...COLUMNS.map(([h]) => h), 'externalRef', ...defs.map((d) => `custom.${d.key}`)]);
    let page = first;
    for (;;) {
      if (page.items.length) {
        const extras = await exportExtras(db, page.items.map((t) => t.id));
        yield page.items
          .map((t) => {
            const extra = extras.get(t.id);
            return csvLine([...COLUMNS.map(([, get]) => get(t)), extra?.externalRef ?? null, ...defs.map((d) => extra?.custom[d.key] ?? null)]);
          })
          .join('');
      }
      if (!page.nextCursor) return;
      page = await listTickets(ctx, actor, { ...query, limit: PAGE, cursor: page.nextCursor } as ListTicketsQuery);
    }
  }
  return Readable.from(lines());
}
