import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { allIssues, runImport, uploadAndPreview } from './helpers.ts';

/**
 * PLT-9: the import writes the rows the preview validated and staged, without reading the file again;
 * what can change between preview and import must still decide each row's outcome.
 */
describe('customer CSV import after a stale preview', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let sales: Agent;
  let admin: Agent;
  const count = async (where: string, params: unknown[] = []) =>
    (await t.database.executor.query<{ n: number }>(`select count(*)::int as n from customers where ${where}`, params)).rows[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    sales = await t.loginAs('sales1@demo.test');
    admin = await t.loginAs('admin');
  });
  afterAll(async () => t.stop());

  it('skips and reports a row whose e-mail or phone another user took between preview and import', async () => {
    const csv = 'fullName,email,phone\r\nLate Mail,late.mail@stale.test,0915000001\r\nLate Phone,late.phone@stale.test,0915000002\r\nOn Time,on.time@stale.test,0915000003\r\n';
    const imp = await uploadAndPreview(sales, csv);
    expect(imp.preview).toEqual({ valid: 3, invalid: 0, duplicates: 0, fileDuplicates: 0 });
    const byMail = await admin.post('/api/v1/customers', { fullName: 'Got There First', email: 'LATE.MAIL@stale.test' });
    const byPhone = await admin.post('/api/v1/customers', { fullName: 'Also First', phone: '+84915000002' });
    expect([byMail.statusCode, byPhone.statusCode]).toEqual([201, 201]);

    const done = await runImport(sales, imp.id, 'skip');
    expect(done.result).toEqual({ created: 1, updated: 0, skipped: 2, failed: 0 });
    expect(await count(`lower(email) = 'late.mail@stale.test'`)).toBe(1);
    expect(await count(`phone = '+84915000002'`)).toBe(1);
    expect(await count(`email = 'on.time@stale.test' and phone = '+84915000003' and owner_id = $1`, [sales.me!.id])).toBe(1);
    const issues = await allIssues(sales, imp.id, 'import');
    expect(issues.map((i) => [i.line, i.kind, i.existingNumber])).toEqual([
      [2, 'duplicate', byMail.json().number],
      [3, 'duplicate', byPhone.json().number],
    ]);
    // The report still shows each skipped row as it was in the file.
    const report = (await sales.get(`/api/v1/customer-imports/${imp.id}/report.csv`)).body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(report.slice(1).map((l) => l.split(',').slice(-3).join(','))).toEqual(['Late Mail,late.mail@stale.test,0915000001', 'Late Phone,late.phone@stale.test,0915000002']);
    const created = await t.database.executor.query(`select h.action, h.changes from history h join customers c on c.id = h.entity_id where c.email = 'on.time@stale.test'`);
    expect(created.rows).toHaveLength(1);
    expect(created.rows[0].action).toBe('imported');
    expect(created.rows[0].changes.map((c: { field: string }) => c.field)).toEqual(['number', 'name', 'status', 'ownerId', 'import']);
    expect(created.rows[0].changes[4].to).toBe('customers.csv row 4');
  });

  it('validates the staged rows again when a custom field changed since the preview, and isolates a clash it then finds', async () => {
    const def = await admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'stale_tier', type: 'select', label: 'Stale tier', options: ['gold'] });
    expect(def.statusCode, def.body).toBe(201);
    // Line 2 is invalid at preview (no "bronze" yet), so line 3 with the same e-mail is not a file duplicate then.
    const csv = 'fullName,email,custom.stale_tier\r\nBronze First,clash@stale.test,bronze\r\nGold Second,clash@stale.test,gold\r\nGold Third,third@stale.test,gold\r\n';
    const imp = await uploadAndPreview(sales, csv);
    expect(imp.preview).toEqual({ valid: 2, invalid: 1, duplicates: 0, fileDuplicates: 0 });
    const edit = await admin.patch(`/api/v1/custom-fields/${def.json().id}`, { options: ['gold', 'bronze'] }, { headers: { 'if-match': `"${def.json().version}"` } });
    expect(edit.statusCode, edit.body).toBe(200);

    const done = await runImport(sales, imp.id, 'skip');
    // Both clashing rows are valid now: the unique index refuses the second, which fails alone.
    expect(done.result).toEqual({ created: 2, updated: 0, skipped: 0, failed: 1 });
    expect(await count(`email = 'clash@stale.test' and custom->>'stale_tier' = 'bronze'`)).toBe(1);
    expect(await count(`email in ('clash@stale.test', 'third@stale.test')`)).toBe(2);
    const issues = await allIssues(sales, imp.id, 'import');
    expect(issues.map((i) => [i.line, i.kind])).toEqual([[3, 'duplicate']]);
    // Row by row, the refused line's event went with it: one customer.created per customer created.
    const { rows: events } = await t.database.executor.query<{ id: string }>(
      `select payload->>'customerId' as id from outbox where event = 'customer.created' and payload->>'importId' = $1 order by id`,
      [imp.id],
    );
    const { rows: made } = await t.database.executor.query<{ id: string }>(`select id from customers where email in ('clash@stale.test', 'third@stale.test') order by number`);
    // The same customers, whatever order the row-by-row retry drew their numbers in.
    expect(events.map((e) => e.id).sort()).toEqual(made.map((m) => m.id).sort());
  });
});
