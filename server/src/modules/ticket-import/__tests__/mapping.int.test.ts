import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { query } from '../../../../test/factories/index.ts';
import { commitTickets, previewTickets, uploadTickets } from './helpers.ts';

/**
 * PLT-9 ticket import with the customer import's machinery: the column mapping proposed from the
 * header names (and changed by the user), ticket custom fields as columns, per-row problems naming
 * row and field, duplicates of existing tickets skipped or updated, and the export importing back.
 */
describe('ticket import: mapping, custom fields, duplicates', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let admin: Agent;
  let sales: Agent;
  let customer: { id: string; number: string };

  const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
  type Row = { line: number; values: Record<string, string>; errors: { field: string; message: string }[]; duplicateOf: { number: string } | null };
  const ticketsByRef = (refs: string[]) =>
    query<{ number: string; title: string; priority: number; source: string; external_ref: string; custom: Record<string, unknown>; created_at: Date; version: number }>(
      t,
      'select number, title, priority, source, external_ref, custom, created_at, version from tickets where external_ref = any($1) order by number',
      [refs],
    );

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    sales = await t.loginAs('sales');
    const c = await admin.post('/api/v1/customers', { fullName: 'Mapping Customer', ownerId: sales.me!.id, email: 'mapping.customer@example.test' });
    expect(c.statusCode, c.body).toBe(201);
    customer = { id: c.json().id, number: c.json().number };
    for (const d of [
      { entity: 'ticket', key: 'warranty_months', label: 'Warranty (months)', type: 'number' },
      { entity: 'ticket', key: 'plan', label: 'Plan', type: 'select', options: ['basic', 'pro'] },
    ]) {
      const created = await admin.post('/api/v1/custom-fields', d);
      expect(created.statusCode, created.body).toBe(201);
    }
  });
  afterAll(async () => t.stop());

  it('proposes a mapping from header names in other words and languages, custom fields by key or label; the user may change or ignore a column', async () => {
    const body = csv([
      'Tiêu đề,Mô tả,Loại,Khách hàng,Topic,Warranty (months),custom.plan,Notes,Ref',
      `Máy in kẹt giấy,Kẹt giấy mỗi lần in,hr,${customer.number},Leave,24,pro,internal scribble,EXT-MAP-1`,
    ]);
    const up = await uploadTickets(sales, body);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ totalRows: 1, headers: ['Tiêu đề', 'Mô tả', 'Loại', 'Khách hàng', 'Topic', 'Warranty (months)', 'custom.plan', 'Notes', 'Ref'] });
    // "Topic" is no known word (type fields are `field:<key>`), "Notes" neither: the user maps or ignores them.
    expect(up.json().mapping).toEqual(['title', 'description', 'type', 'customer', null, 'custom.warranty_months', 'custom.plan', null, 'externalRef']);
    expect(up.json().targets).toEqual(expect.arrayContaining(['title', 'customer', 'createdAt', 'externalRef', 'source', 'field:topic', 'custom.warranty_months', 'custom.plan']));
    expect(up.json().customLabels).toMatchObject({ 'custom.warranty_months': 'Warranty (months)' });

    const proposed = up.json().mapping as (string | null)[];
    const withoutTopic = await sales.post(`/api/v1/tickets/import/${up.json().importId}/preview`, { mapping: proposed });
    expect(withoutTopic.statusCode, withoutTopic.body).toBe(200);
    expect(withoutTopic.json().rows[0].errors).toEqual([{ field: 'field:topic', message: expect.any(String) }]);

    const mapped = [...proposed];
    mapped[4] = 'field:topic';
    const r = await sales.post(`/api/v1/tickets/import/${up.json().importId}/preview`, { mapping: mapped });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ total: 1, valid: 1, invalid: 0, duplicates: 0 });
    expect(r.json().columns).toEqual(['title', 'description', 'type', 'customer', 'field:topic', 'custom.warranty_months', 'custom.plan', 'externalRef']);
    // The ignored column is not part of the row.
    expect(r.json().rows[0].values).not.toHaveProperty('Notes');
    expect(Object.values(r.json().rows[0].values)).not.toContain('internal scribble');

    const done = await commitTickets(sales, up.json().importId);
    expect(done).toMatchObject({ created: 1, updated: 0, skipped: 0, failed: 0 });
    const [ticket] = await ticketsByRef(['EXT-MAP-1']);
    expect(ticket).toMatchObject({ number: done.numbers[0], title: 'Máy in kẹt giấy', source: 'bulk', custom: { warranty_months: 24, plan: 'pro' } });
    const [event] = await query<{ payload: { importId: string } }>(t, "select payload from outbox where event = 'ticket.created' and payload->>'number' = $1", [done.numbers[0]]);
    expect(event.payload.importId).toBe(up.json().importId);
  });

  it('refuses a mapping without a title, with an unknown target or a target twice (422 naming mapping), before any row is read', async () => {
    const up = await uploadTickets(sales, csv(['description,type,customer', `Something,hr,${customer.number}`]));
    const id = up.json().importId;
    const refused = async (mapping: (string | null)[], field: string, message: RegExp) => {
      const r = await sales.post(`/api/v1/tickets/import/${id}/preview`, { mapping });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json()).toMatchObject({ code: 'invalid_mapping' });
      expect(r.json().errors).toContainEqual({ field, message: expect.stringMatching(message) });
    };
    await refused(['description', 'type', 'customer'], 'mapping', /title/);
    await refused(['title', 'colour', 'customer'], 'mapping.1', /Unknown target "colour"/);
    await refused(['title', 'title', 'customer'], 'mapping.1', /already filled by column "description"/);
    await refused(['title', 'type'], 'mapping', /each of the 3 columns/);
    // A required active ticket custom field must have its column.
    const required = await admin.post('/api/v1/custom-fields', { entity: 'ticket', key: 'contract_no', label: 'Contract number', type: 'text', required: true });
    expect(required.statusCode, required.body).toBe(201);
    try {
      await refused(['title', 'description', 'customer'], 'mapping', /Contract number/);
    } finally {
      const off = await admin.patch(`/api/v1/custom-fields/${required.json().id}`, { active: false }, { headers: { 'if-match': `"${required.json().version}"` } });
      expect(off.statusCode, off.body).toBe(200);
    }
    // Nothing was written: no preview kept, no ticket made.
    const [kept] = await query<{ previewed: boolean }>(t, 'select previewed_at is not null as previewed from ticket_imports where id = $1', [id]);
    expect(kept.previewed).toBe(false);
    const commit = await sales.post(`/api/v1/tickets/import/${id}/commit`, {});
    expect(commit.statusCode).toBe(422);
    expect(commit.json().code).toBe('import_not_previewed');
  });

  it('names the row and the field of a bad custom value, a bad date or source, and writes none of them', async () => {
    const r = await previewTickets(
      sales,
      csv([
        'title,description,type,customer,field:topic,custom.warranty_months,custom.plan,createdAt,source',
        `Good,Fine,hr,${customer.number},Leave,12,basic,2024-03-01 09:30,phone`,
        `Bad number,Fine,hr,${customer.number},Leave,twelve,basic,,`,
        `Bad option,Fine,hr,${customer.number},Leave,12,platinum,,`,
        `Bad date,Fine,hr,${customer.number},Leave,,,yesterday,`,
        `Bad source,Fine,hr,${customer.number},Leave,,,,carrier pigeon`,
      ]),
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ total: 5, valid: 1, invalid: 4 });
    const problems = (r.json().errorRows as Row[]).map((x) => [x.line, x.errors.map((e) => e.field)]);
    expect(problems).toEqual([
      [3, ['custom.warranty_months']],
      [4, ['custom.plan']],
      [5, ['createdAt']],
      [6, ['source']],
    ]);
    const done = await commitTickets(sales, r.json().importId);
    expect(done).toMatchObject({ created: 1, skipped: 4 });
    const [good] = await query<{ title: string; source: string; created_at: Date; custom: Record<string, unknown> }>(t, 'select title, source, created_at, custom from tickets where number = $1', [done.numbers[0]]);
    expect(good).toEqual({ title: 'Good', source: 'phone', created_at: new Date('2024-03-01T09:30:00Z'), custom: { warranty_months: 12, plan: 'basic' } });
  });

  it('skips rows whose external reference an existing ticket has, or updates that ticket with their cells, as the user chooses', async () => {
    const first = await previewTickets(
      sales,
      csv(['externalRef,title,description,type,customer,field:topic,priority', `EXT-D-1,Original one,First,hr,${customer.number},Leave,2`, `EXT-D-2,Original two,Second,hr,${customer.number},Leave,2`]),
    );
    expect(first.json()).toMatchObject({ valid: 2, duplicates: 0 });
    expect((await commitTickets(sales, first.json().importId)).created).toBe(2);
    const before = await ticketsByRef(['EXT-D-1', 'EXT-D-2']);

    // The same references again, one new, one twice in the file; the description column is left out (an update needs only what changes).
    const again = csv(['externalRef,title,priority,custom.warranty_months', 'EXT-D-1,Changed one,4,36', 'EXT-D-2,Changed two,5,', 'EXT-D-1,Twice in the file,1,', 'EXT-D-3,A new one,3,']);
    const skip = await previewTickets(sales, again);
    expect(skip.statusCode, skip.body).toBe(200);
    expect(skip.json()).toMatchObject({ total: 4, valid: 2, invalid: 2, duplicates: 2 });
    const rows = skip.json().rows as Row[];
    expect(rows.map((x) => x.duplicateOf?.number ?? null)).toEqual([before[0].number, before[1].number, before[0].number, null]);
    expect(rows[2].errors).toEqual([{ field: 'externalRef', message: 'Row 2 has the same external reference.' }]);
    // The new row must make a whole ticket: its missing description (and the rest) are its problems.
    expect(rows[3].errors.map((e) => e.field)).toEqual(['description', 'type']);
    expect((skip.json().duplicateRows as Row[]).map((x) => x.line)).toEqual([2, 3]);
    const skipped = await commitTickets(sales, skip.json().importId, 'skip');
    expect(skipped).toMatchObject({ created: 0, updated: 0, skipped: 4, failed: 0 });
    expect(await ticketsByRef(['EXT-D-1', 'EXT-D-2'])).toEqual(before);

    const update = await previewTickets(sales, again);
    const updated = await commitTickets(sales, update.json().importId, 'update');
    expect(updated).toMatchObject({ created: 0, updated: 2, skipped: 2, failed: 0 });
    const after = await ticketsByRef(['EXT-D-1', 'EXT-D-2']);
    expect(after.map((x) => [x.title, x.priority, x.custom])).toEqual([
      ['Changed one', 4, { warranty_months: 36 }],
      ['Changed two', 5, {}],
    ]);
    expect(after.map((x) => x.version)).toEqual(before.map((x) => x.version + 1));
    // Through PATCH's use case: its history and its event.
    const history = await query<{ n: number }>(t, "select count(*)::int as n from history h join tickets tk on tk.id = h.entity_id where h.entity_type = 'ticket' and h.action = 'updated' and tk.external_ref = any($1)", [['EXT-D-1', 'EXT-D-2']]);
    expect(history[0].n).toBe(2);
    const events = await query<{ n: number }>(t, "select count(*)::int as n from outbox where event = 'ticket.updated' and payload->>'number' = any($1)", [before.map((x) => x.number)]);
    expect(events[0].n).toBe(2);
  });

  it('finds duplicates by ticket number when chosen, names a bad custom value of a duplicate, and reports an update refused at the commit on its row', async () => {
    const [ticket] = await query<{ number: string }>(t, "select number from tickets where external_ref = 'EXT-D-1'");
    const [other] = await query<{ number: string }>(t, "select number from tickets where external_ref = 'EXT-D-2'");
    const r = await previewTickets(sales, csv(['number,priority,custom.plan', `${ticket.number},3,platinum`, 'TCK-999999,3,', ',2,', `${other.number},1,pro`]), { duplicateKey: 'number' });
    expect(r.statusCode, r.body).toBe(200);
    const rows = r.json().rows as Row[];
    expect(rows.map((x) => x.duplicateOf?.number ?? null)).toEqual([ticket.number, null, null, other.number]);
    // The duplicate's custom value is checked by the custom field rules already in the preview.
    expect(rows[0].errors).toEqual([{ field: 'custom.plan', message: expect.any(String) }]);
    expect(rows[1].errors).toEqual([{ field: 'number', message: expect.stringMatching(/No ticket you can see/) }]);
    // An empty number is a new ticket, which needs a title and the rest.
    expect(rows[2].errors.map((e) => e.field)).toContain('title');
    expect(rows[3].errors).toEqual([]);
    expect(r.json()).toMatchObject({ valid: 1, duplicates: 1 });

    // Between preview and commit the option goes away: the update is refused on its row alone, the rest of the commit stands.
    const [plan] = await query<{ id: string; version: number }>(t, "select id, version from custom_field_definitions where entity = 'ticket' and key = 'plan'");
    const narrowed = await admin.patch(`/api/v1/custom-fields/${plan.id}`, { options: ['basic'] }, { headers: { 'if-match': `"${plan.version}"` } });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    try {
      const before = (await query<{ priority: number; version: number }>(t, 'select priority, version from tickets where number = $1', [other.number]))[0];
      const done = await commitTickets(sales, r.json().importId, 'update');
      expect(done).toMatchObject({ created: 0, updated: 0, failed: 1 });
      expect(done.problems).toEqual([{ line: 5, number: other.number, field: 'custom.plan', message: expect.any(String) }]);
      expect((await query<{ priority: number; version: number }>(t, 'select priority, version from tickets where number = $1', [other.number]))[0]).toEqual(before);
    } finally {
      const [now] = await query<{ version: number }>(t, 'select version from custom_field_definitions where id = $1', [plan.id]);
      expect((await admin.patch(`/api/v1/custom-fields/${plan.id}`, { options: ['basic', 'pro'] }, { headers: { 'if-match': `"${now.version}"` } })).statusCode).toBe(200);
    }
  });

  it("keeps one's upload to oneself: another user's import is not found", async () => {
    const up = await uploadTickets(sales, csv(['title', 'Mine']));
    expect((await admin.post(`/api/v1/tickets/import/${up.json().importId}/preview`, { mapping: ['title'] })).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/tickets/import/${up.json().importId}/commit`, {})).statusCode).toBe(404);
  });

  it('exports one column per active ticket custom field and the export imports back with the proposed mapping', async () => {
    const made = await previewTickets(
      admin,
      csv(['title,description,type,customer,field:topic,custom.warranty_months,custom.plan,externalRef,tags', `Round trip,Exported and back,hr,${customer.number},Leave,6,pro,EXT-RT-1,"a, b"`]),
    );
    const number = (await commitTickets(admin, made.json().importId)).numbers[0];
    const exported = await admin.get(`/api/v1/tickets/export.csv?q=${encodeURIComponent('Round trip')}`);
    expect(exported.statusCode).toBe(200);
    const [header, row] = exported.body.slice(1).trim().split('\r\n');
    const columns = header.split(',');
    expect(columns).toEqual(expect.arrayContaining(['externalRef', 'custom.warranty_months', 'custom.plan']));
    expect(columns).not.toContain('custom.contract_no'); // inactive
    const cells = Object.fromEntries(columns.map((c, i) => [c, row.split(',')[i]]));
    expect(cells).toMatchObject({ number, customer: customer.number, externalRef: 'EXT-RT-1', 'custom.warranty_months': '6', 'custom.plan': 'pro' });

    const up = await uploadTickets(admin, exported.body, 'tickets.csv');
    expect(up.statusCode, up.body).toBe(201);
    const proposed = Object.fromEntries((up.json().headers as string[]).map((h, i) => [h, up.json().mapping[i]]));
    expect(proposed).toMatchObject({
      number: 'number', title: 'title', status: null, priority: 'priority', type: 'type', category: 'category', source: 'source', component: 'component',
      customer: 'customer', customerName: null, processorName: null, created: 'createdAt', tags: 'tags', externalRef: 'externalRef',
      'custom.warranty_months': 'custom.warranty_months', 'custom.plan': 'custom.plan',
    });
    const back = await admin.post(`/api/v1/tickets/import/${up.json().importId}/preview`, { mapping: up.json().mapping, duplicateKey: 'number' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ total: 1, valid: 1, invalid: 0, duplicates: 1 });
    expect(back.json().rows[0].errors).toEqual([]);
    const done = await commitTickets(admin, up.json().importId, 'update');
    // Nothing differs from the ticket: no change, no new ticket.
    expect(done).toMatchObject({ created: 0, updated: 0, failed: 0 });
  });
});
