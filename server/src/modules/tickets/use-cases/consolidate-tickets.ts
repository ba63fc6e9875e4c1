import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import * as repo from '../automation.repository.ts';
import * as messages from '../messages.repository.ts';
import { emitUpdate } from '../tickets.realtime.ts';

const GROUPS_PER_PASS = 200;

interface Merge {
  duplicate: { id: string; number: string; status: string };
  survivor: { id: string; number: string };
}

/** pg_trgm's trigrams of a text: lower-cased, accents folded, each word padded as "  word ". */
function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  const words = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const word of words) {
    const padded = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3).join(''));
  }
  return grams;
}

/** The same threshold the sweep's SQL uses with pg_trgm's similarity() to find candidate groups. */
export const SAME_MATTER_SIMILARITY = 0.5;

/** Two titles name the same matter when their trigram similarity (as pg_trgm computes it) reaches the threshold. */
export function sameMatter(a: string, b: string): boolean {
  const x = trigrams(a);
  const y = trigrams(b);
  if (!x.size || !y.size) return false;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / (x.size + y.size - shared) >= SAME_MATTER_SIMILARITY;
}

/**
 * Oldest first: a ticket is a duplicate of the first surviving ticket created within the window before
 * it whose title names the same matter; otherwise it survives itself. The window is always measured
 * from the ticket that stays, so a chain of tickets a day apart is not swallowed whole, and two
 * different requests of one customer on one day ("printer jammed", "need a new laptop") stay apart.
 */
export function planMerges(group: { id: string; number: string; title: string; status: string; createdAt: Date }[], hours: number): Merge[] {
  const merges: Merge[] = [];
  const survivors: typeof group = [];
  for (const t of group) {
    const into = survivors.find((s) => t.createdAt.getTime() - s.createdAt.getTime() <= hours * 3600_000 && sameMatter(s.title, t.title));
    if (into) merges.push({ duplicate: t, survivor: into });
    else survivors.push(t);
  }
  return merges;
}

/**
 * TKT-10 consolidation: open tickets of one customer and source created within
 * `tickets.consolidationHours` of each other, whose titles name the same matter (never bulk-created
 * ones), are merged. The newer is
 * closed with merged_into_id = the older, linked `duplicate_of`, told so in a public system message,
 * and both timelines get an entry; neither history is moved or lost. One transaction per group; a
 * merged ticket no longer matches, so a rerun changes nothing.
 */
export async function consolidateTickets(ctx: AppContext): Promise<{ merged: number; consolidationHours: number }> {
  const hours = await ctx.settings.get('tickets.consolidationHours');
  let merged = 0;
  for (;;) {
    const groups = await repo.duplicateGroups(ctx.database.db, hours, SAME_MATTER_SIMILARITY, GROUPS_PER_PASS);
    let passMerged = 0;
    for (const g of groups) {
      const done = await ctx.database.transaction(async (tx) => {
        const applied: (Merge & { version: number })[] = [];
        for (const m of planMerges(await repo.lockGroup(tx, g.customerId, g.source), hours)) {
          const version = await repo.mergeInto(tx, m.duplicate.id, m.survivor.id);
          if (version === null) continue;
          await messages.insertMessage(tx, {
            ticketId: m.duplicate.id,
            authorId: null,
            body: `This request was merged into ${m.survivor.number}, which covers the same matter. Please follow up there.`,
            internal: false,
          });
          await appendHistory(tx, [
            { entityType: 'ticket', entityId: m.duplicate.id, actorId: null, action: 'merged', changes: [{ field: 'status', from: m.duplicate.status, to: 'closed' }, { field: 'mergedInto', from: null, to: m.survivor.number }] },
            { entityType: 'ticket', entityId: m.survivor.id, actorId: null, action: 'merged', changes: [{ field: 'duplicate', from: null, to: m.duplicate.number }] },
          ]);
          await recordEvent(tx, 'ticket.merged', { ticketId: m.duplicate.id, number: m.duplicate.number, intoId: m.survivor.id, intoNumber: m.survivor.number });
          applied.push({ ...m, version });
        }
        return applied;
      });
      if (done.length) ctx.afterCommit();
      for (const m of done) emitUpdate(ctx, m.duplicate.id, m.duplicate.number, ['status', 'mergedInto'], m.version);
      passMerged += done.length;
    }
    merged += passMerged;
    // A full page of groups may have more behind it; a pass that merged nothing would only repeat itself.
    if (groups.length < GROUPS_PER_PASS || passMerged === 0) return { merged, consolidationHours: hours };
  }
}
