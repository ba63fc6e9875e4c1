import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { customerOf, openTicket, query } from '../../../../test/factories/index.ts';

type Page = { items: { id: string; custom: Record<string, unknown> }[] };
const fields = (r: { json(): { errors?: { field: string }[] } }) => (r.json().errors ?? []).map((e) => e.field).sort();

describe('the ticket list filtered and shown by custom fields (PLT-11, issue 10 defect 2)', () => {
  // One app, one definition of every field type, three tickets with different values; each it only reads
  // (the saved-view it adds a view of its own). Seeded tickets carry none of these keys, so a filter's
  // answer must be exactly the expected tickets of the three.
  let t: TestApp;
  let admin: Agent;
  let agent: Agent;
  const ids: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    agent = await t.loginAs('agent1@demo.test');
    const defs = [
      { key: 'ref_code', label: 'Reference', type: 'text' },
      { key: 'units', label: 'Units', type: 'number' },
      { key: 'due_on', label: 'Due on', type: 'date' },
      { key: 'tier', label: 'Tier', type: 'select', options: ['gold', 'silver'] },
      { key: 'channels', label: 'Channels', type: 'multi-select', options: ['phone', 'web', 'mail'] },
      { key: 'vip', label: 'VIP', type: 'checkbox' },
    ];
    for (const d of defs) {
      const created = await admin.post('/api/v1/custom-fields', { entity: 'ticket', ...d });
      expect(created.statusCode, created.body).toBe(201);
    }
    const customerId = await customerOf(t, 'client1@demo.test');
    const open = async (custom: Record<string, unknown>) => (await openTicket(agent, { customerId, custom })).id;
    ids.a = await open({ ref_code: 'A-1', units: 3, due_on: '2026-05-01', tier: 'gold', channels: ['phone', 'web'], vip: true });
    ids.b = await open({ ref_code: 'B-2', units: 5, due_on: '2026-06-15', tier: 'silver', channels: ['phone'], vip: false });
    ids.c = await open({ ref_code: 'A-1', units: 5.5 });
  });
  afterAll(async () => t.stop());

  const list = (custom: unknown, extra: Record<string, string> = {}) =>
    agent.get('/api/v1/tickets', { query: { custom: typeof custom === 'string' ? custom : JSON.stringify(custom), limit: '100', ...extra } });
  const found = async (custom: unknown) => {
    const r = await list(custom);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as Page).items.map((i) => i.id).sort();
  };
  const only = (...keys: ('a' | 'b' | 'c')[]) => keys.map((k) => ids[k]).sort();

  it('filters by each field type: text, number, date, select, multi-select (has all), checkbox', async () => {
    expect(await found({ ref_code: 'A-1' })).toEqual(only('a', 'c'));
    expect(await found({ ref_code: 'B-2' })).toEqual(only('b'));
    expect(await found({ units: 5 })).toEqual(only('b'));
    expect(await found({ units: 5.5 })).toEqual(only('c'));
    expect(await found({ due_on: '2026-06-15' })).toEqual(only('b'));
    expect(await found({ tier: 'gold' })).toEqual(only('a'));
    expect(await found({ channels: ['phone'] })).toEqual(only('a', 'b'));
    expect(await found({ channels: ['phone', 'web'] })).toEqual(only('a'));
    // One option as a plain string means that option (what a query string naturally carries).
    expect(await found({ channels: 'web' })).toEqual(only('a'));
    // false is a value of its own: a ticket without the field is not "not VIP".
    expect(await found({ vip: false })).toEqual(only('b'));
    expect(await found({ vip: true })).toEqual(only('a'));
    // Several keys: all must hold.
    expect(await found({ ref_code: 'A-1', units: 5.5 })).toEqual(only('c'));
    expect(await found({ ref_code: 'A-1', tier: 'silver' })).toEqual([]);
  });

  it('combines with the other filters and keeps the custom values in every list row', async () => {
    const r = await list({ ref_code: 'A-1' }, { status: 'new' });
    expect(r.statusCode).toBe(200);
    const rows = (r.json() as Page).items;
    expect(rows.map((i) => i.id).sort()).toEqual(only('a', 'c'));
    expect(rows.find((i) => i.id === ids.a)!.custom).toEqual({ ref_code: 'A-1', units: 3, due_on: '2026-05-01', tier: 'gold', channels: ['phone', 'web'], vip: true });
    expect((await list({ ref_code: 'A-1' }, { status: 'closed' })).json().items).toEqual([]);
  });

  it('refuses an unknown key or a value of the wrong type with a problem naming custom.<key>', async () => {
    const cases: [unknown, string][] = [
      [{ nope: 'x' }, 'custom.nope'],
      [{ units: 'three' }, 'custom.units'],
      [{ due_on: '2026-02-30' }, 'custom.due_on'],
      [{ due_on: '15.06.2026' }, 'custom.due_on'],
      [{ tier: 'platinum' }, 'custom.tier'],
      [{ channels: ['phone', 'fax'] }, 'custom.channels'],
      [{ vip: 'yes' }, 'custom.vip'],
      [{ ref_code: 7 }, 'custom.ref_code'],
    ];
    for (const [custom, field] of cases) {
      const r = await list(custom);
      expect(r.statusCode, JSON.stringify(custom)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(fields(r)).toEqual([field]);
    }
    // Text that is not JSON, or JSON that is not an object: the parameter itself is named.
    for (const bad of ['{tier:gold', '["gold"]']) {
      const r = await list(bad);
      expect(r.statusCode).toBe(400);
      expect(fields(r)).toEqual(['querystring.custom']);
    }
  });

  it('keeps a custom filter in a saved view, applies it, and refuses a bad one when saving', async () => {
    const saved = await agent.post('/api/v1/ticket-views', { name: 'Gold tier', filter: { custom: { tier: 'gold' } } });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().filter).toEqual({ custom: { tier: 'gold' } });
    const viewed = await agent.get('/api/v1/tickets', { query: { view: saved.json().id, limit: '100' } });
    expect((viewed.json() as Page).items.map((i) => i.id)).toEqual([ids.a]);
    const before = (await query<{ n: number }>(t, 'select count(*)::int as n from ticket_views'))[0].n;
    const bad = await agent.post('/api/v1/ticket-views', { name: 'Bad', filter: { custom: { tier: 'platinum' } } });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['filter.custom.tier']);
    expect(fields(await agent.post('/api/v1/ticket-views', { name: 'Bad', filter: { custom: { colour: 'red' } } }))).toEqual(['filter.custom.colour']);
    expect((await query<{ n: number }>(t, 'select count(*)::int as n from ticket_views'))[0].n).toBe(before);
  });

  it('answers the filter from the GIN index on tickets.custom (containment), not a per-key scan', async () => {
    const [index] = await query<{ indexdef: string }>(t, `select indexdef from pg_indexes where tablename = 'tickets' and indexname = 'tickets_custom_idx'`);
    expect(index.indexdef).toMatch(/USING gin \(custom jsonb_path_ops\)/);
    // With sequential scans off the planner must be able to answer the list's exact predicate from it.
    const plan = await t.database.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return (await tx.execute(sql`explain select id from tickets where custom @> '{"tier":"gold"}'::jsonb`)) as unknown as Record<string, string>[];
    });
    expect(plan.map((row) => Object.values(row).join(' ')).join('\n')).toContain('tickets_custom_idx');
  });
});
