import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { multipart } from '../../../../test/multipart.ts';
import { query } from '../../../../test/factories/index.ts';
import { previewTickets, uploadTickets } from './helpers.ts';

/** TKT-11 bulk create from CSV: upload, the proposed mapping, preview with per-row errors, then one all-or-nothing commit. */
describe('ticket bulk create (CSV)', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let admin: Agent;
  let sales: Agent;
  let client: Agent;
  const mine = { id: '', number: '', email: 'bulk.mine@example.test', phone: '+84903111222' };
  const foreign = { id: '', number: '' };

  const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
  const preview = (agent: Agent, body: string | Buffer) => previewTickets(agent, body);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    sales = await t.loginAs('sales');
    client = await t.loginAs('client');
    // One customer of the sales user (visible to them), one nobody owns (outside a sales user's scope).
    const a = await admin.post('/api/v1/customers', { fullName: 'Bulk Mine', ownerId: sales.me!.id, email: mine.email, phone: mine.phone });
    expect(a.statusCode, a.body).toBe(201);
    Object.assign(mine, { id: a.json().id, number: a.json().number });
    const b = await admin.post('/api/v1/customers', { fullName: 'Bulk Foreign', ownerId: null });
    expect(b.statusCode, b.body).toBe(201);
    Object.assign(foreign, { id: b.json().id, number: b.json().number });
  });
  afterAll(async () => t.stop());

  const header = 'title,description,type,priority,customer,field:product,field:quantity,tags,campaign,products';
  const file = () =>
    csv([
      header,
      `Call back about renewal,Customer asked for a call,sales_inquiry,4,${mine.number},Switchboard Cloud,12,"vip; renewal",SPRING-24,"Cloud, Support"`,
      `,No title here,sales_inquiry,3,${mine.number},Cloud,1,,,`,
      `Unknown customer,Who is this,sales_inquiry,3,CUST-1999-999999,Cloud,1,,,`,
      `Type field missing,Product is required,sales_inquiry,3,${mine.email},,2,,,`,
      `Outside my scope,Not my customer,sales_inquiry,3,${foreign.number},Cloud,1,,,`,
      `By phone,Found by the national number,sales_inquiry,2,0903 111 222,Cloud,3,,,`,
    ]);

  it('previews each row with the create rules and names the field of each error', async () => {
    const r = await preview(sales, file());
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ total: 6, valid: 2, invalid: 4 });
    expect(body.columns).toEqual(header.split(','));
    const errorsOf = (line: number) => body.rows.find((x: { line: number }) => x.line === line).errors.map((e: { field: string }) => e.field);
    expect(errorsOf(2)).toEqual([]);
    expect(errorsOf(3)).toEqual(['title']);
    expect(errorsOf(4)).toEqual(['customer']);
    expect(errorsOf(5)).toEqual(['field:product']);
    // Admins could see that customer; for the sales user it does not exist.
    expect(errorsOf(6)).toEqual(['customer']);
    expect(errorsOf(7)).toEqual([]);
    expect(body.errorRows.map((x: { line: number }) => x.line)).toEqual([3, 4, 5, 6]);
    expect(body.rows[0].values).toMatchObject({ title: 'Call back about renewal', customer: mine.number });
    const [{ n }] = await query<{ n: number }>(t, "select count(*)::int as n from tickets where source = 'bulk'");
    expect(n).toBe(0);
  });

  it('commits exactly the valid rows in one go, then refuses a second commit (409)', async () => {
    const before = (await query<{ n: number }>(t, 'select count(*)::int as n from tickets'))[0].n;
    const { importId } = (await preview(sales, file())).json();
    const r = await sales.post(`/api/v1/tickets/import/${importId}/commit`, {});
    expect(r.statusCode, r.body).toBe(200);
    const result = r.json();
    expect(result).toMatchObject({ created: 2, skipped: 4 });
    expect(result.numbers).toHaveLength(2);
    const rows = await query<{ number: string; title: string; source: string; customer_id: string; tags: string[]; campaign_ref: string | null; product_interest: string[]; type_fields: Record<string, unknown>; status: string }>(
      t,
      'select number, title, source, customer_id, tags, campaign_ref, product_interest, type_fields, status from tickets where number = any($1) order by number',
      [result.numbers],
    );
    expect(rows.map((x) => x.title)).toEqual(['Call back about renewal', 'By phone']);
    expect(rows.every((x) => x.source === 'bulk' && x.customer_id === mine.id && x.status === 'new')).toBe(true);
    expect(rows[0]).toMatchObject({ tags: ['vip', 'renewal'], campaign_ref: 'SPRING-24', product_interest: ['Cloud', 'Support'], type_fields: { product: 'Switchboard Cloud', quantity: 12 } });
    expect(result.numbers.every((n: string) => /^TCK-\d{6,}$/.test(n))).toBe(true);
    expect((await query<{ n: number }>(t, 'select count(*)::int as n from tickets'))[0].n).toBe(before + 2);
    const history = await query<{ n: number }>(t, "select count(*)::int as n from history h join tickets tk on tk.id = h.entity_id where h.entity_type = 'ticket' and h.action = 'created' and tk.number = any($1)", [result.numbers]);
    expect(history[0].n).toBe(2);

    const again = await sales.post(`/api/v1/tickets/import/${importId}/commit`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('import_committed');
    expect((await query<{ n: number }>(t, 'select count(*)::int as n from tickets'))[0].n).toBe(before + 2);
  });

  it("refuses a stale preview, and another user's preview is not found", async () => {
    const { importId } = (await preview(sales, file())).json();
    expect((await admin.post(`/api/v1/tickets/import/${importId}/commit`, {})).statusCode).toBe(404);
    // The row's customer leaves the sales user's scope between preview and commit: nothing is written.
    await t.database.executor.query('update customers set owner_id = null where id = $1', [mine.id]);
    const before = (await query<{ n: number }>(t, 'select count(*)::int as n from tickets'))[0].n;
    const r = await sales.post(`/api/v1/tickets/import/${importId}/commit`, {});
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('import_stale');
    expect((await query<{ n: number }>(t, 'select count(*)::int as n from tickets'))[0].n).toBe(before);
    await t.database.executor.query('update customers set owner_id = $2 where id = $1', [mine.id, sales.me!.id]);
    // An hour-old preview is stale too.
    const old = (await preview(sales, file())).json().importId;
    await t.database.executor.query("update ticket_imports set previewed_at = now() - interval '2 hours' where id = $1", [old]);
    expect((await sales.post(`/api/v1/tickets/import/${old}/commit`, {})).json().code).toBe('import_stale');
  });

  it('refuses a file whose content is not a usable CSV with 422 naming file (or the encoding to choose), the same codes as the customer import', async () => {
    const refused = async (body: string | Buffer, code: string, message: RegExp, line?: number, field = 'file') => {
      const r = await uploadTickets(admin, body);
      expect(r.statusCode, r.body).toBe(422);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json()).toMatchObject({ status: 422, code, errors: [{ field, message: expect.stringMatching(message) }] });
      expect(r.json().line).toBe(line);
    };
    await refused(Buffer.from(`title,description,type,customer\r\nCafé crème,Déjà vu,hr,${mine.number}\r\n`, 'latin1'), 'bad_encoding', /UTF-8/, undefined, 'encoding');
    await refused('', 'empty_file', /empty/);
    await refused('title,description\r\n', 'no_rows', /no rows/);
    await refused(`title,description\r\nOne,fine\r\n"Two,never closed\r\n`, 'malformed_csv', /^Line 3: A quoted value is never closed/, 3);
    await refused(csv(['title', ...Array.from({ length: 10_001 }, (_, i) => `Row ${i}`)]), 'too_many_rows', /10,000/);

    const [{ n }] = await query<{ n: number }>(t, 'select count(*)::int as n from ticket_imports where owner_id = $1', [admin.me!.id]);
    expect(n).toBe(0);
  });

  it('answers the upload faults as every upload does: no file 400 naming file, over uploads.maxMb 413', async () => {
    const nothing = multipart([], { note: 'no file here' });
    const noFile = await admin.request('POST', '/api/v1/tickets/import', nothing.body, { headers: nothing.headers });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().errors).toEqual([{ field: 'note', message: 'Unknown field.' }]);
    const empty = multipart([]);
    const missing = await admin.request('POST', '/api/v1/tickets/import', empty.body, { headers: empty.headers });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ field: 'file', message: expect.any(String) }]);

    expect((await admin.patch('/api/v1/admin/settings', { uploads: { maxMb: 1 } })).statusCode).toBe(200);
    try {
      const big = await uploadTickets(admin, csv(['title', ...Array.from({ length: 9_000 }, (_, i) => `A long enough title for row ${i} ${'x'.repeat(90)}`)]));
      expect(big.statusCode).toBe(413);
      expect(big.json()).toMatchObject({ code: 'file_too_large', errors: [{ field: 'file', message: expect.any(String) }] });
    } finally {
      expect((await admin.patch('/api/v1/admin/settings', { uploads: { maxMb: 25 } })).statusCode).toBe(200);
    }
    expect(fs.existsSync(path.join(t.config.filesDir, 'tmp')) ? fs.readdirSync(path.join(t.config.filesDir, 'tmp')) : []).toEqual([]);
  });

  it('applies tickets.assign to the processor column and reads UTF-8 with a BOM and semicolons', async () => {
    const body = `\uFEFFtitle;description;type;customer;processor;field:topic\r\nNghỉ phép;Xin nghỉ phép tuần sau;hr;${mine.number};agent1@demo.test;Leave\r\n`;
    const bySales = (await preview(sales, body)).json();
    expect(bySales.rows[0].errors).toEqual([{ field: 'processor', message: 'You may not choose the processor.' }]);
    const byAdmin = (await preview(admin, body)).json();
    expect(byAdmin).toMatchObject({ valid: 1, invalid: 0 });
    expect(byAdmin.rows[0].values.title).toBe('Nghỉ phép');
    const done = (await admin.post(`/api/v1/tickets/import/${byAdmin.importId}/commit`, {})).json();
    const [row] = await query<{ status: string; processor: string }>(t, 'select t.status, u.email as processor from tickets t join users u on u.id = t.processor_id where t.number = $1', [done.numbers[0]]);
    expect(row).toEqual({ status: 'in_progress', processor: 'agent1@demo.test' });
  });

  it('is closed to clients (403) and to anonymous callers (401)', async () => {
    expect((await uploadTickets(client, file())).statusCode).toBe(403);
    const own = (await uploadTickets(sales, file())).json().importId;
    const tried = await client.post(`/api/v1/tickets/import/${own}/preview`, { mapping: header.split(',') });
    expect(tried.statusCode).toBe(403);
    expect((await client.post('/api/v1/tickets/import/00000000-0000-4000-8000-000000000000/commit', {})).statusCode).toBe(403);
    expect((await t.anonymous().request('POST', '/api/v1/tickets/import', {})).statusCode).toBe(401);
  });
});
