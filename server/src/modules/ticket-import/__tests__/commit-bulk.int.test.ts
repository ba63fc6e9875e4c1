import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import type { SqlSession } from '../../../platform/db/executor.ts';
import { validPayload } from '../../../platform/events/catalogue.ts';
import { dueDates, listSlaPolicies } from '../../tickets/index.ts';
import { query } from '../../../../test/factories/index.ts';
import { previewTickets } from './helpers.ts';

/**
 * The statements of every transaction that runs while `fn` runs, one list per transaction. The
 * commit's own transaction is the one that locks its ticket_imports row; background work (job
 * polling, the outbox dispatcher, mail handlers) runs in transactions of its own and is left out.
 */
async function transactionsOf(t: TestApp, fn: () => Promise<unknown>): Promise<string[][]> {
  const executor = t.database.executor;
  const original = executor.transaction;
  const seen: string[][] = [];
  executor.transaction = (<T>(work: (session: SqlSession) => Promise<T>) =>
    original.call(executor, (session: SqlSession) => {
      const statements: string[] = [];
      seen.push(statements);
      const counted: SqlSession = { query: (sql, params, options) => (statements.push(sql), session.query(sql, params, options)) };
      return work(counted);
    })) as typeof executor.transaction;
  try {
    await fn();
  } finally {
    executor.transaction = original;
  }
  return seen;
}

/** TKT-11's set-based commit: a few statements per chunk of rows, the single path's values per row. */
describe('ticket bulk create: the set-based commit', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let admin: Agent;
  let customers: { id: string; number: string; name: string; phone: string | null; email: string | null }[];

  const preview = (body: string) => previewTickets(admin, body);
  /** `rows` rows over the same three customers and all five priorities: only the row count differs between files. */
  const file = (rows: number, tag: string) =>
    `${['title,description,type,priority,customer,field:topic', ...Array.from({ length: rows }, (_, i) => `${tag} ${String(i).padStart(5, '0')},Row ${i} of the file,hr,${(i % 5) + 1},${customers[i % 3].number},Leave`)].join('\r\n')}\r\n`;
  /** Preview then commit; the commit's own transaction's statements. */
  const commit = async (body: string) => {
    const p = await preview(body);
    expect(p.statusCode, p.body.slice(0, 300)).toBe(200);
    let response: Awaited<ReturnType<Agent['post']>> | undefined;
    const txs = await transactionsOf(t, async () => {
      response = await admin.post(`/api/v1/tickets/import/${p.json().importId}/commit`, {});
    });
    expect(response!.statusCode, response!.body.slice(0, 300)).toBe(200);
    const own = txs.filter((s) => s.some((q) => /"ticket_imports"/.test(q) && /for update/i.test(q)));
    expect(own).toHaveLength(1);
    return { importId: p.json().importId as string, result: response!.json(), statements: own[0].length };
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    customers = await query(t, "select id, number, name, phone, email from customers where status <> 'INACTIVE' order by number limit 3");
    expect(customers).toHaveLength(3);
  });
  afterAll(async () => t.stop());

  it('commits 2,000 rows in one go: consecutive numbers in file order, one history row and one event each, a fixed number of statements', async () => {
    const small = await commit(file(30, 'Small'));
    expect(small.result.created).toBe(30);
    const big = await commit(file(2000, 'Big'));
    expect(big.result).toMatchObject({ created: 2000, skipped: 0 });
    // Two chunks of 1,000 against one chunk of 30: one more insert of tickets, of history and of events; nothing per row.
    expect(big.statements - small.statements).toBe(3);

    const rows = await query<{ id: string; number: string; title: string; priority: number; customer_id: string; source: string; status: string; contact_name: string | null; contact_phone: string | null; contact_email: string | null; created_at: Date; first_response_due_at: Date | null; resolution_due_at: Date | null }>(
      t,
      "select id, number, title, priority, customer_id, source, status, contact_name, contact_phone, contact_email, created_at, first_response_due_at, resolution_due_at from tickets where title like 'Big %' order by number",
    );
    expect(rows).toHaveLength(2000);
    // Numbers follow the file: sorted by number, the titles are in file order and the numbers have no gaps.
    expect(rows.map((r) => r.title)).toEqual(Array.from({ length: 2000 }, (_, i) => `Big ${String(i).padStart(5, '0')}`));
    const first = Number(rows[0].number.slice(4));
    expect(rows.map((r) => Number(r.number.slice(4)))).toEqual(Array.from({ length: 2000 }, (_, i) => first + i));
    expect(big.result.numbers).toEqual(rows.slice(0, 50).map((r) => r.number));
    expect(rows.every((r) => r.source === 'bulk' && r.status === 'new')).toBe(true);
    // The single path's values: the customer's contact details, SLA targets from the priority's policy.
    const policies = new Map((await listSlaPolicies(t.database.db)).map((p) => [p.priority, p]));
    for (const [i, r] of rows.entries()) {
      const c = customers[i % 3];
      expect(r).toMatchObject({ customer_id: c.id, priority: (i % 5) + 1, contact_name: c.name, contact_phone: c.phone, contact_email: c.email });
      const due = dueDates(policies.get(r.priority) ?? null, new Date(r.created_at));
      expect([r.first_response_due_at?.getTime() ?? null, r.resolution_due_at?.getTime() ?? null]).toEqual([due.firstResponseDueAt?.getTime() ?? null, due.resolutionDueAt?.getTime() ?? null]);
    }
    expect(rows.some((r) => r.first_response_due_at)).toBe(true);

    const history = await query<{ entity_id: string; n: number; changes: unknown }>(
      t,
      "select h.entity_id, count(*)::int as n, min(h.changes::text)::jsonb as changes from history h join tickets tk on tk.id = h.entity_id where h.entity_type = 'ticket' and h.action = 'created' and tk.title like 'Big %' group by h.entity_id",
    );
    expect(history).toHaveLength(2000);
    expect(history.every((h) => h.n === 1)).toBe(true);
    expect(history[0].changes).toEqual([{ field: 'status', from: null, to: 'new' }, { field: 'componentId', from: null, to: null }, { field: 'processorId', from: null, to: null }]);

    const events = await query<{ payload: { ticketId: string; number: string; customerId: string; componentId: string | null; actorId: string } }>(
      t,
      "select payload from outbox where event = 'ticket.created' and payload->>'ticketId' = any($1) order by id",
      [rows.map((r) => r.id)],
    );
    // N tickets, N ticket.created events: the single create's payload, valid by the catalogue, in number order.
    expect(events).toHaveLength(2000);
    for (const e of events) expect(validPayload('ticket.created', e.payload)).toEqual(e.payload);
    expect(events.map((e) => e.payload.number)).toEqual(rows.map((r) => r.number));
    expect(events[0].payload).toEqual({ ticketId: rows[0].id, number: rows[0].number, customerId: customers[0].id, componentId: null, actorId: admin.me!.id, importId: big.importId });
    const [digest] = await query<{ payload: Record<string, unknown> }>(t, "select payload from outbox where event = 'tickets.bulk_created' and payload->>'importId' = $1", [big.importId]);
    expect(digest.payload).toEqual({ importId: big.importId, actorId: admin.me!.id, count: 2000, byComponent: [] });
  });

  it('keeps previews in ticket_imports, never in settings, and drops them after a day', async () => {
    const p = (await preview(file(2, 'Kept'))).json();
    const [kept] = await query<{ owner_id: string; total: number; valid: number; committed_at: Date | null; n: number }>(
      t,
      'select owner_id, total, valid, committed_at, jsonb_array_length(rows)::int as n from ticket_imports where id = $1',
      [p.importId],
    );
    expect(kept).toEqual({ owner_id: admin.me!.id, total: 2, valid: 2, committed_at: null, n: 2 });
    expect((await admin.post(`/api/v1/tickets/import/${p.importId}/commit`, {})).statusCode).toBe(200);
    const [marker] = await query<{ committed: boolean; n: number; result: { created: number } }>(t, 'select committed_at is not null as committed, jsonb_array_length(rows)::int as n, result from ticket_imports where id = $1', [p.importId]);
    expect(marker).toMatchObject({ committed: true, n: 0, result: { created: 2 } });
    const [{ n }] = await query<{ n: number }>(t, "select count(*)::int as n from settings where key like 'ticketImport.%'");
    expect(n).toBe(0);

    // A day later, the next upload (anyone's) deletes it.
    await query(t, "update ticket_imports set created_at = now() - interval '25 hours' where id = $1", [p.importId]);
    const next = (await preview(file(1, 'Next'))).json();
    const left = await query<{ id: string }>(t, 'select id from ticket_imports where id = any($1)', [[p.importId, next.importId]]);
    expect(left.map((r) => r.id)).toEqual([next.importId]);
  });
});
