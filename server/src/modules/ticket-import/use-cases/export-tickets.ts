import { Readable } from 'node:stream';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { csvLine, UTF8_BOM } from '../../../platform/csv/csv.ts';
import { type ListTicketsQuery, listTickets } from '../../tickets/index.ts';

/** The list's largest page: the export walks the list's own keyset pages. */
const PAGE = 200;

type Item = Awaited<ReturnType<typeof listTickets>>['items'][number];

/**
 * Only what a list row shows. Never message bodies, descriptions or internal notes: the list rows
 * these come from carry none of them.
 */
const COLUMNS: [string, (t: Item) => unknown][] = [
  ['number', (t) => t.number],
  ['title', (t) => t.title],
  ['status', (t) => t.status],
  ['priority', (t) => t.priority],
  ['type', (t) => t.type.key],
  ['component', (t) => t.component?.name ?? null],
  ['customer', (t) => t.customer.name],
  ['processor', (t) => t.processor?.name ?? null],
  ['created', (t) => t.createdAt],
  ['tags', (t) => t.tags],
];

/**
 * GET /tickets/export.csv: exactly GET /tickets (the list use case itself: its filters, views,
 * visibility and refusals), page after page, every cell safe against formula injection (the
 * customers export's writer). The first page is read before the response starts, so a bad filter
 * is a proper 400 instead of a broken download.
 */
export async function exportTickets(ctx: AppContext, actor: Actor, query: Omit<ListTicketsQuery, 'limit' | 'cursor'>): Promise<Readable> {
  const first = await listTickets(ctx, actor, { ...query, limit: PAGE } as ListTicketsQuery);
  async function* lines() {
    yield UTF8_BOM + csvLine(COLUMNS.map(([h]) => h));
    let page = first;
    for (;;) {
      if (page.items.length) yield page.items.map((t) => csvLine(COLUMNS.map(([, get]) => get(t)))).join('');
      if (!page.nextCursor) return;
      page = await listTickets(ctx, actor, { ...query, limit: PAGE, cursor: page.nextCursor } as ListTicketsQuery);
    }
  }
  return Readable.from(lines());
}
