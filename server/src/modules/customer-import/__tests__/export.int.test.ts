import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { CsvParser } from '../../../platform/csv/csv.ts';
import { uploadAndPreview } from './helpers.ts';

const parse = (body: string) => {
  expect(body.startsWith('\uFEFF')).toBe(true);
  const p = new CsvParser(',');
  return [...p.push(body.slice(1)), ...p.end()].filter((r) => r.some(Boolean));
};

/** PLT-9 export: the caller's list (filters + scope), streamed, formula-safe, Excel-friendly. */
describe('customer CSV export', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let admin: Agent;
  let sales: Agent;
  let sales2: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    sales = await t.loginAs('sales1@demo.test');
    sales2 = await t.loginAs('sales2@demo.test');
    const def = await admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'segment_code', type: 'text', label: 'Segment code' });
    expect(def.statusCode).toBe(201);
  });
  afterAll(async () => t.stop());

  it('escapes every cell a spreadsheet would run as a formula, and quotes per RFC 4180', async () => {
    const evil = await sales.post('/api/v1/customers', {
      fullName: '=cmd|" /C calc"!A0',
      notes: '@SUM(A1)\nsecond line, with comma',
      source: '-2+3',
      tags: ['+tag', 'plain'],
      phone: '0913 555 001',
      custom: { segment_code: '=1+1' },
    });
    expect(evil.statusCode, evil.body).toBe(201);
    const r = await sales.get('/api/v1/customers/export.csv?q=calc');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"/);
    const [header, row] = parse(r.body);
    const get = (h: string) => row[header.indexOf(h)];
    expect(header).toContain('custom.segment_code');
    expect(get('fullName')).toBe(`'=cmd|" /C calc"!A0`);
    expect(get('notes')).toBe(`'@SUM(A1)\nsecond line, with comma`);
    expect(get('source')).toBe(`'-2+3`);
    expect(get('tags')).toBe(`'+tag; plain`);
    expect(get('phone')).toBe(`'+84913555001`);
    expect(get('custom.segment_code')).toBe(`'=1+1`);
    for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("exports only the caller's scope: a sales user never gets another branch's customer", async () => {
    const sofia = (await admin.get('/api/v1/branches')).json().items.find((b: { code: string }) => b.code === 'SOF');
    const outsider = await admin.post('/api/v1/users', { email: 'export.outsider@demo.test', name: 'Export Outsider', role: 'sales', password: 'long-enough-password', branchId: sofia.id });
    expect(outsider.statusCode).toBe(201);
    const mine = await sales.post('/api/v1/customers', { fullName: 'Scope Export Mine' });
    const theirs = await admin.post('/api/v1/customers', { fullName: 'Scope Export Theirs', ownerId: outsider.json().id });
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    const numbers = async (agent: Agent) => parse((await agent.get('/api/v1/customers/export.csv?q=Scope Export')).body).slice(1).map((r) => r[0]);
    expect(await numbers(sales)).toEqual([mine.json().number]);
    expect((await numbers(admin)).sort()).toEqual([mine.json().number, theirs.json().number].sort());
    void sales2;
  });

  it('streams the whole filtered list in keyset pages (more than one page), same rows as the list', async () => {
    const r = await admin.get('/api/v1/customers/export.csv?status=LEAD,PROSPECT&sort=name');
    const rows = parse(r.body).slice(1);
    expect(rows.length).toBeGreaterThan(1000);
    const statusCol = parse(r.body)[0].indexOf('status');
    expect(new Set(rows.map((row) => row[statusCol]))).toEqual(new Set(['LEAD', 'PROSPECT']));
    expect(new Set(rows.map((row) => row[0])).size).toBe(rows.length);
    const count = await t.database.executor.query<{ n: number }>(`select count(*)::int as n from customers where status in ('LEAD','PROSPECT')`);
    expect(rows.length).toBe(count.rows[0].n);
  });

  it('refuses a bad filter with a field error before streaming, and refuses roles without customers.export', async () => {
    const bad = await admin.get('/api/v1/customers/export.csv?custom={"nope":1}');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('custom.nope');
    const agent = await t.loginAs('agent');
    expect((await agent.get('/api/v1/customers/export.csv')).statusCode).toBe(403);
  });

  it('round-trips: an exported file imports back with its columns mapped automatically', async () => {
    await sales.post('/api/v1/customers', { type: 'company', companyName: 'Roundtrip Ltd', taxId: '0101 999 888', email: 'rt@roundtrip.test', tags: ['a', 'b'], custom: { segment_code: 'S1' } });
    const csv = (await sales.get('/api/v1/customers/export.csv?q=Roundtrip')).body;
    const imp = await uploadAndPreview(sales, csv);
    const header = parse(csv)[0];
    expect(imp.mapping[header.indexOf('companyName')]).toBe('companyName');
    expect(imp.mapping[header.indexOf('custom.segment_code')]).toBe('custom.segment_code');
    expect(imp.mapping[header.indexOf('number')]).toBeNull();
    expect(imp.preview).toEqual({ valid: 1, invalid: 0, duplicates: 1, fileDuplicates: 0 });
  });
});
