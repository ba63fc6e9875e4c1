import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validPayload } from '../../../platform/events/catalogue.ts';
import { BATCH_ROWS } from '../use-cases/import-passes.ts';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { purgeStaleImports } from '../use-cases/manage-imports.ts';
import { multipart } from '../../../../test/multipart.ts';
import { allIssues, runImport, upload, uploadAndPreview } from './helpers.ts';

/** PLT-9 import: refused files leave nothing; accepted files report per row; duplicates skip or update. */
describe('customer CSV import', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let sales: Agent;
  let admin: Agent;
  const count = async (table: string) => (await t.database.executor.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0].n;
  const importsDir = () => path.join(t.config.filesDir, 'imports');
  const leftovers = () => (fs.existsSync(importsDir()) ? fs.readdirSync(importsDir()) : []);

  beforeAll(async () => {
    t = await createTestApp();
    sales = await t.loginAs('sales1@demo.test');
    admin = await t.loginAs('admin');
  });
  afterAll(async () => t.stop());

  describe('refused files leave nothing behind', () => {
    // The same codes as the ticket import answers for the same faults (platform/csv/csv-problems.ts).
    it.each([
      ['an empty file', '', 'file', 'empty_file', undefined],
      ['a header without rows', 'name,email\r\n', 'file', 'no_rows', undefined],
      ['an unclosed quote', 'name,email\r\n"Ann,ann@x.test\r\n', 'file', 'malformed_csv', 2],
      ['Latin-1 bytes declared as nothing (not UTF-8)', Buffer.from('name,city\r\nJos\xe9,S\xe3o Paulo\r\n', 'latin1'), 'encoding', 'bad_encoding', undefined],
    ])('refuses %s with 422 and a field error', async (_what, data, field, code, line) => {
      const before = await count('customer_imports');
      const r = await upload(sales, data as string);
      expect(r.statusCode).toBe(422);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().code).toBe(code);
      expect(r.json().line).toBe(line);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await count('customer_imports')).toBe(before);
      expect(leftovers()).toEqual([]);
    });

    it('answers a request without a file 400 naming file, as every upload does', async () => {
      const none = multipart([], { note: 'no file' });
      const stray = await sales.request('POST', '/api/v1/customer-imports', none.body, { headers: none.headers });
      expect(stray.statusCode).toBe(400);
      expect(stray.json().errors).toEqual([{ field: 'note', message: 'Unknown field.' }]);
      const misnamed = multipart([{ field: 'csv', filename: 'a.csv', contentType: 'text/csv', data: 'fullName\r\nA\r\n' }]);
      const wrong = await sales.request('POST', '/api/v1/customer-imports', misnamed.body, { headers: misnamed.headers });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors).toEqual([{ field: 'csv', message: expect.any(String) }]);
      expect(leftovers()).toEqual([]);
    });

    it('refuses 100 MB of junk quickly with an encoding error, keeping nothing', async () => {
      const junk = randomBytes(100 * 1024 * 1024);
      junk[0] = 0x41; // no accidental BOM
      const r = await upload(sales, junk);
      expect(r.statusCode).toBe(422);
      expect(r.json().code).toBe('bad_encoding');
      expect(r.json().errors[0].field).toBe('encoding');
      expect(await count('customer_imports')).toBe(0);
      expect(leftovers()).toEqual([]);
    }, 60_000);

    it('refuses a 200,000-character value (junk without line breaks) as malformed', async () => {
      const r = await upload(sales, `name\r\n${'a'.repeat(200_000)}\r\n`);
      expect(r.statusCode).toBe(422);
      expect(r.json().code).toBe('malformed_csv');
    });

    it('reads a declared Windows-1252 file and refuses an unknown encoding name', async () => {
      const ok = await upload(sales, Buffer.from('fullName,email\r\nJos\xe9 Alvar\xe9z,jose@cp1252.test\r\n', 'latin1'), 'windows-1252');
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().sample[0][0]).toBe('José Alvaréz');
      const bad = await upload(sales, 'fullName\r\nA\r\n', 'ebcdic');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('querystring.encoding');
    });

    it('refuses a mapping without a name column, before reading any row', async () => {
      const up = await upload(sales, 'email,phone\r\nx@y.test,0913000001\r\n');
      expect(up.statusCode).toBe(201);
      expect(up.json().mapping).toEqual(['email', 'phone']);
      const r = await sales.post(`/api/v1/customer-imports/${up.json().id}/preview`, { mapping: ['email', 'phone'] });
      expect(r.statusCode).toBe(422);
      expect(r.json().code).toBe('invalid_mapping');
      expect(r.json().detail).toMatch(/Missing required column: a name/);
      const twice = await sales.post(`/api/v1/customer-imports/${up.json().id}/preview`, { mapping: ['email', 'email'] });
      expect(twice.json().errors.map((e: { field: string }) => e.field)).toContain('mapping.1');
      expect((await sales.get(`/api/v1/customer-imports/${up.json().id}`)).json().status).toBe('uploaded');
    });
  });

  it('parses RFC 4180 (quotes, embedded newlines, BOM, semicolons), previews errors and duplicates, then skips them', async () => {
    const existing = await sales.post('/api/v1/customers', { fullName: 'Existing Person', email: 'existing@import.test', phone: '0913 000 100' });
    expect(existing.statusCode).toBe(201);
    const csv = [
      '\uFEFFHọ tên;E-mail;Điện thoại;Notes;Tags',
      'Ann Quoted;ann@import.test;0913000101;"line one\r\nline two; with ""quotes""";vip,early',
      'Bad Mail;not-an-email;0913000102;;',
      'Dup Of Existing;EXISTING@import.test;;;',
      'Bad Phone;bad@import.test;12;;',
      'Twin One;twin@import.test;0913000103;;',
      'Twin Two;twin@import.test;0913000104;;',
      ';;;;',
      '=HYPERLINK("x");formula@import.test;;;',
    ].join('\r\n');
    const imp = await uploadAndPreview(sales, csv);
    expect(imp.delimiter).toBe(';');
    expect(imp.mapping).toEqual(['fullName', 'email', 'phone', 'notes', 'tags']);
    expect(imp.totalRows).toBe(7);
    expect(imp.preview).toEqual({ valid: 5, invalid: 2, duplicates: 1, fileDuplicates: 1 });
    const issues = await allIssues(sales, imp.id, 'preview');
    expect(issues.map((i) => [i.line, i.kind, i.field])).toEqual([
      [3, 'error', 'email'],
      [4, 'duplicate', 'email'],
      [5, 'error', 'phone'],
      [7, 'file_duplicate', 'email'],
    ]);
    expect(issues[1].existingNumber).toBe(existing.json().number);
    expect(issues[3].otherLine).toBe(6);
    expect(await count(`customers where email like '%@import.test'`)).toBe(1);

    const done = await runImport(sales, imp.id, 'skip');
    expect(done.result).toEqual({ created: 3, updated: 0, skipped: 2, failed: 2 });
    const ann = (await sales.get('/api/v1/customers?q=Ann Quoted')).json().items[0];
    expect(ann.notes).toBe('line one\r\nline two; with "quotes"');
    expect(ann.tags).toEqual(['vip', 'early']);
    expect(ann.phone).toBe('+84913000101');
    expect(ann.owner.id).toBe(sales.me!.id);
    const formula = (await sales.get('/api/v1/customers?q=formula@import.test')).json().items[0];
    expect(formula.name).toBe('=HYPERLINK("x")');
    const history = await t.database.executor.query(`select action from history where entity_type = 'customer' and entity_id = $1`, [ann.id]);
    expect(history.rows.map((r) => r.action)).toEqual(['imported']);
    const existingAfter = (await sales.get(`/api/v1/customers/${existing.json().id}`)).json();
    expect(existingAfter.name).toBe('Existing Person');

    const report = await sales.get(`/api/v1/customer-imports/${imp.id}/report.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    const lines = report.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('row,problems,Họ tên,E-mail,Điện thoại,Notes,Tags');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['3', '4', '5', '7']);
    expect(lines[1]).toContain('not-an-email');

    const notification = await t.database.executor.query(`select title from notifications where user_id = $1 and kind = 'customer_import.finished'`, [sales.me!.id]);
    expect(notification.rows).toHaveLength(1);
    // The uploaded file is removed once imported (the report comes from the recorded issues).
    expect(leftovers()).not.toContain(`${imp.id}.csv`);
    // Run once: a second start is refused.
    expect((await sales.post(`/api/v1/customer-imports/${imp.id}/start`, { duplicateMode: 'skip' })).statusCode).toBe(422);
  });

  it('updates duplicates in update mode: filled cells overwrite, empty cells keep, history says import', async () => {
    const c = await sales.post('/api/v1/customers', { fullName: 'Update Me', email: 'update.me@import.test', industry: 'Retail', source: 'web' });
    const csv = 'fullName,email,industry,source\r\nUpdate Me Renamed,update.me@import.test,Banking,\r\nFresh Row,fresh@import.test,,\r\n';
    const imp = await uploadAndPreview(sales, csv);
    expect(imp.preview.duplicates).toBe(1);
    const done = await runImport(sales, imp.id, 'update');
    expect(done.result).toEqual({ created: 1, updated: 1, skipped: 0, failed: 0 });
    const after = (await sales.get(`/api/v1/customers/${c.json().id}`)).json();
    expect([after.name, after.industry, after.source, after.version]).toEqual(['Update Me Renamed', 'Banking', 'web', 2]);
    const h = await t.database.executor.query(`select action from history where entity_type = 'customer' and entity_id = $1 order by id`, [c.json().id]);
    expect(h.rows.map((r) => r.action)).toEqual(['created', 'updated']);
  });

  it('does not let a sales user update a customer outside their scope, nor name another owner', async () => {
    const other = await admin.post('/api/v1/customers', { fullName: 'Not Yours', email: 'notyours@import.test', ownerId: null });
    expect(other.statusCode).toBe(201);
    const imp = await uploadAndPreview(sales, 'fullName,email,ownerEmail\r\nNot Yours Either,notyours@import.test,\r\nSomeone,someone@import.test,admin@demo.test\r\n');
    expect((await allIssues(sales, imp.id, 'preview')).map((i) => [i.line, i.field])).toEqual([[2, 'email'], [3, 'ownerEmail']]);
    const done = await runImport(sales, imp.id, 'update');
    expect(done.result).toEqual({ created: 0, updated: 0, skipped: 0, failed: 2 });
    expect((await admin.get(`/api/v1/customers/${other.json().id}`)).json().name).toBe('Not Yours');
  });

  it('sweeps imports left unfinished for a week, with their files; finished ones stay', async () => {
    const stale = (await upload(sales, 'fullName\r\nStale\r\n')).json();
    const fresh = (await upload(sales, 'fullName\r\nFresh\r\n')).json();
    await t.database.executor.query(`update customer_imports set updated_at = now() - interval '8 days' where id = $1`, [stale.id]);
    await t.database.executor.query(`update customer_imports set updated_at = now() - interval '8 days' where status = 'completed'`);
    const completed = await count(`customer_imports where status = 'completed'`);
    expect(leftovers()).toContain(`${stale.id}.csv`);
    expect(await purgeStaleImports(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(leftovers()).not.toContain(`${stale.id}.csv`);
    expect(leftovers()).toContain(`${fresh.id}.csv`);
    expect((await sales.get(`/api/v1/customer-imports/${stale.id}`)).statusCode).toBe(404);
    expect(await count(`customer_imports where status = 'completed'`)).toBe(completed);
  });

  it('keeps imports private to whoever uploaded them', async () => {
    const up = await upload(sales, 'fullName\r\nPrivate\r\n');
    const other = await t.loginAs('sales2@demo.test');
    expect((await other.get(`/api/v1/customer-imports/${up.json().id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/customer-imports/${up.json().id}/preview`, { mapping: ['fullName'] })).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/customer-imports/${up.json().id}`)).statusCode).toBe(200);
  });

  it('imports 5,000 rows in batches with custom fields and an address, counting progress', async () => {
    const def = await admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'bulk_tier', type: 'select', label: 'Bulk tier', options: ['gold', 'silver'] });
    expect(def.statusCode, def.body).toBe(201);
    const rows = ['fullName,email,phone,city,custom.bulk_tier'];
    for (let i = 0; i < 5000; i++) rows.push(`Bulk ${i},bulk${i}@bulk.test,0914${String(i).padStart(6, '0')},Hà Nội,${i % 500 === 0 ? 'bronze' : 'gold'}`);
    const imp = await uploadAndPreview(sales, rows.join('\n'));
    expect(imp.mapping).toEqual(['fullName', 'email', 'phone', 'city', 'custom.bulk_tier']);
    expect(imp.processedRows).toBe(5000);
    expect(imp.preview).toEqual({ valid: 4990, invalid: 10, duplicates: 0, fileDuplicates: 0 });
    const done = await runImport(sales, imp.id, 'skip');
    expect(done.result).toEqual({ created: 4990, updated: 0, skipped: 0, failed: 10 });
    expect(done.processedRows).toBe(5000);
    expect(await count(`customers where email like '%@bulk.test'`)).toBe(4990);
    expect(await count(`customer_addresses a join customers c on c.id = a.customer_id where c.email like '%@bulk.test' and a.is_primary and a.city = 'Hà Nội'`)).toBe(4990);
    expect(await count(`customers where email like '%@bulk.test' and custom->>'bulk_tier' = 'gold'`)).toBe(4990);
    expect(await count(`customer_import_keys`)).toBe(0);
  }, 120_000);

  it('imports across batches: numbers in file order, every row once, counts and history complete', async () => {
    const rows = ['fullName,email'];
    expect(5_100).toBeGreaterThan(BATCH_ROWS);
    for (let i = 0; i < 5_100; i++) rows.push(`Order ${i},order${i}@order.test`);
    const imp = await uploadAndPreview(sales, rows.join('\n'));
    expect(imp.preview).toEqual({ valid: 5_100, invalid: 0, duplicates: 0, fileDuplicates: 0 });
    const done = await runImport(sales, imp.id, 'skip', 120_000);
    expect(done.result).toEqual({ created: 5_100, updated: 0, skipped: 0, failed: 0 });
    expect(done.processedRows).toBe(5_100);
    const { rows: made } = await t.database.executor.query<{ name: string }>(`select name from customers where email like '%@order.test' order by number`);
    expect(made.length).toBe(5_100);
    const outOfOrder = made.findIndex((r, i) => r.name !== `Order ${i}`);
    expect(outOfOrder).toBe(-1);
    expect(await count(`history h join customers c on c.id = h.entity_id where h.entity_type = 'customer' and c.email like '%@order.test' and h.action = 'imported'`)).toBe(5_100);

    // Every imported customer has its own customer.created, the create use case's payload plus the
    // import's id, valid by the catalogue, in number order; one customers.imported per batch.
    const { rows: customers } = await t.database.executor.query<{ id: string; number: string; type: string }>(`select id, number, type from customers where email like '%@order.test' order by number`);
    const { rows: events } = await t.database.executor.query<{ payload: Record<string, unknown> }>(
      `select payload from outbox where event = 'customer.created' and payload->>'importId' = $1 order by id`,
      [imp.id],
    );
    expect(events).toHaveLength(5_100);
    for (const e of events) expect(validPayload('customer.created', e.payload)).toEqual(e.payload);
    expect(events.map((e) => e.payload)).toEqual(customers.map((c) => ({ customerId: c.id, number: c.number, type: c.type, actorId: sales.me!.id, importId: imp.id })));
    const { rows: batches } = await t.database.executor.query<{ n: number }>(
      `select jsonb_array_length(payload->'customerIds')::int as n from outbox where event = 'customers.imported' and payload->>'importId' = $1 order by id`,
      [imp.id],
    );
    expect(batches.map((b) => b.n)).toEqual([BATCH_ROWS, 5_100 - BATCH_ROWS]);
    // As before: an import runs no customer.onCreated hooks, so no "Customer created" activity.
    expect(await count(`activities a join customers c on c.id = a.customer_id where c.email like '%@order.test'`)).toBe(0);
  }, 180_000);
});
