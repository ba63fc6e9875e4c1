import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { CsvParser } from '../../../platform/csv/csv.ts';
import { openTicket } from '../../../../test/factories/index.ts';

/** PLT-9 ticket export: the list as CSV — its filters, its scope, safe cells, no conversation text. */
describe('ticket CSV export', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let admin: Agent;
  let sales: Agent;
  let client: Agent;
  let visible: { number: string };
  let hidden: { number: string };
  let mineNumber: string;

  /** The CSV's records (BOM dropped), parsed by the same reader imports use. */
  const exported = async (who: Agent, qs = '') => {
    const r = await who.get(`/api/v1/tickets/export.csv${qs}`);
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="tickets-/);
    expect(r.body.startsWith('\uFEFF')).toBe(true);
    const parser = new CsvParser(',');
    const [header, ...rows] = [...parser.push(r.body.slice(1)), ...parser.end()];
    return { raw: r.body, header, rows, byNumber: new Map(rows.map((x) => [x[0], Object.fromEntries(header.map((h, i) => [h, x[i]]))])) };
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    sales = await t.loginAs('sales');
    client = await t.loginAs('client');
    const mine = await admin.post('/api/v1/customers', { fullName: 'Export Mine', ownerId: sales.me!.id });
    mineNumber = mine.json().number;
    const nobody = await admin.post('/api/v1/customers', { fullName: 'Export Nobody', ownerId: null });
    visible = await openTicket(admin, { title: "=cmd|' /C calc'!A0 exportcase", customerId: mine.json().id, tags: ['+sum', 'plain'], description: 'desc-should-not-export' });
    hidden = await openTicket(admin, { title: '@hidden exportcase', customerId: nobody.json().id, priority: 5 });
    const note = await admin.post(`/api/v1/tickets/${visible.number}/messages`, { body: 'note-should-not-export', internal: true });
    expect(note.statusCode).toBe(201);
  });
  afterAll(async () => t.stop());

  it('writes the list columns with formula-looking cells neutralised, and no description or messages', async () => {
    const { header, byNumber, raw } = await exported(admin, '?q=exportcase');
    // The import's targets where a column can go back in (customer by number), names for people beside them; no custom field is defined here.
    expect(header).toEqual(['number', 'title', 'status', 'priority', 'type', 'category', 'source', 'component', 'customer', 'customerName', 'processorName', 'created', 'tags', 'externalRef']);
    const row = byNumber.get(visible.number)!;
    expect(row.title).toBe("'=cmd|' /C calc'!A0 exportcase");
    expect(row.tags).toBe("'+sum; plain");
    expect(row).toMatchObject({ status: 'new', priority: '3', type: 'hr', customer: mineNumber, customerName: 'Export Mine', processorName: '', externalRef: '' });
    expect(byNumber.get(hidden.number)!.title).toBe("'@hidden exportcase");
    expect(raw).not.toContain('desc-should-not-export');
    expect(raw).not.toContain('note-should-not-export');
    expect(raw).not.toMatch(/(^|,)[=+@-]/m);
  });

  it("applies the list's filters", async () => {
    const { rows } = await exported(admin, '?q=exportcase&priority=5');
    expect(rows.map((r) => r[0])).toEqual([hidden.number]);
    const closed = await exported(admin, '?status=closed');
    expect(closed.rows.length).toBeGreaterThan(0);
    expect(new Set(closed.rows.map((r) => r[2]))).toEqual(new Set(['closed']));
    // The whole list, across the list's pages (more than one page of 200).
    const all = await exported(admin);
    const listed = (await admin.get('/api/v1/tickets?status=closed&limit=200')).json().items.length;
    expect(closed.rows.length).toBe(listed);
    expect(all.rows.length).toBeGreaterThan(200);
    expect(new Set(all.rows.map((r) => r[0])).size).toBe(all.rows.length);
    expect((await admin.get('/api/v1/tickets/export.csv?priority=9')).statusCode).toBe(400);
  });

  it("keeps to the caller's scope: a sales user gets their customers' tickets only", async () => {
    const { byNumber } = await exported(sales, '?q=exportcase');
    expect([...byNumber.keys()]).toEqual([visible.number]);
  });

  it('is refused to clients (403)', async () => {
    const r = await client.get('/api/v1/tickets/export.csv');
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('forbidden');
  });
});
