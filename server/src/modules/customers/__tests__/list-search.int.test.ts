import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../test/harness.ts';

type Item = { id: string; name: string; number: string; phone: string | null };

describe('customer list, search and segments', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let admin: Agent;
  let sales: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    sales = await t.loginAs('sales');
    const people = [
      { fullName: 'Nguyễn Thị Hồng Nhung', phone: '0903 555 777', tags: ['probe'] },
      { fullName: 'Đặng Văn Đức', phone: '+84 903 555 888', tags: ['probe'] },
      { fullName: 'Иван Стоянов-Пробов', phone: '+359 88 765 4321', tags: ['probe'] },
      { fullName: '张伟探针', phone: '+86 138 0013 8000', tags: ['probe'] },
      { type: 'company', companyName: 'Probe Systems GmbH', taxId: 'DE811907980', email: 'hello@probe-systems.test', tags: ['probe', 'b2b'] },
    ];
    for (const p of people) expect((await sales.post('/api/v1/customers', p)).statusCode).toBe(201);
  });
  afterAll(async () => t.stop());

  const search = async (who: Agent, q: string) =>
    ((await who.get(`/api/v1/customers?limit=50&q=${encodeURIComponent(q)}`)).json().items as Item[]).map((c) => c.name);

  it('finds partial names in any script, ignoring case and accents', async () => {
    expect(await search(sales, 'nguyen thi hong')).toContain('Nguyễn Thị Hồng Nhung');
    expect(await search(sales, 'dang van duc')).toContain('Đặng Văn Đức');
    expect(await search(sales, 'ĐẶNG VĂN')).toContain('Đặng Văn Đức');
    expect(await search(sales, 'стоянов-про')).toContain('Иван Стоянов-Пробов');
    expect(await search(sales, 'ИВАН СТОЯ')).toContain('Иван Стоянов-Пробов');
    expect(await search(sales, '伟探')).toEqual(['张伟探针']);
    expect(await search(sales, '星辰')).toContain('上海星辰科技有限公司');
    expect(await search(sales, 'no such customer anywhere')).toEqual([]);
  });

  it('finds by number, e-mail, tax ID and phone fragments typed any way', async () => {
    const probe = (await sales.get('/api/v1/customers?q=Probe%20Systems')).json().items[0] as Item;
    expect(await search(sales, probe.number.slice(-6))).toContain('Probe Systems GmbH');
    expect(await search(sales, 'hello@probe')).toContain('Probe Systems GmbH');
    expect(await search(sales, '811907')).toContain('Probe Systems GmbH');
    expect(await search(sales, '0903 555')).toEqual(expect.arrayContaining(['Nguyễn Thị Hồng Nhung', 'Đặng Văn Đức']));
    expect(await search(sales, '555-777')).toContain('Nguyễn Thị Hồng Nhung');
    expect(await search(sales, '555-777')).not.toContain('Đặng Văn Đức');
    expect(await search(sales, '+359 88 765')).toContain('Иван Стоянов-Пробов');
    expect(await search(sales, '%')).toEqual([]);
    // Shapes with nothing left to look for answer an empty list, not an error.
    expect(await search(sales, '+000')).toEqual([]);
    expect(await search(sales, '+')).toEqual([]);
    const exact = await sales.get(`/api/v1/customers?q=${probe.number.toLowerCase()}`);
    expect((exact.json().items as Item[]).map((c) => c.name)).toEqual(['Probe Systems GmbH']);
  });

  it('searches what the customer holds now, one field at a time', async () => {
    const created = (await sales.post('/api/v1/customers', { fullName: 'Quỳnh Searchable', email: 'first.box@old-mail.test', phone: '+84 912 000 333' })).json();
    expect(await search(sales, 'old-mail')).toContain('Quỳnh Searchable');
    const edited = await sales.patch(`/api/v1/customers/${created.id}`, { email: 'second.box@new-mail.test', phone: '+84 912 000 444' }, { headers: { 'if-match': `"${created.version}"` } });
    expect(edited.statusCode).toBe(200);
    // The stored search columns follow the edit: the new e-mail and phone are found, the old ones are not.
    expect(await search(sales, 'new-mail')).toContain('Quỳnh Searchable');
    expect(await search(sales, 'old-mail')).not.toContain('Quỳnh Searchable');
    expect(await search(sales, '912 000 444')).toContain('Quỳnh Searchable');
    expect(await search(sales, '912 000 333')).not.toContain('Quỳnh Searchable');
    // A match never runs from the name into the e-mail, nor from one identifier into the next.
    expect(await search(sales, 'searchable second')).not.toContain('Quỳnh Searchable');
    expect(await search(sales, `${created.number.slice(-3)}84912`)).not.toContain('Quỳnh Searchable');
  });

  it('filters by status, type, level, owner, team and tags', async () => {
    const list = async (qs: string) => ((await sales.get(`/api/v1/customers?limit=200&${qs}`)).json().items as (Item & Record<string, unknown>)[]);
    expect((await list('tags=probe')).length).toBe(5);
    expect((await list('tags=probe,b2b')).map((c) => c.name)).toEqual(['Probe Systems GmbH']);
    expect((await list('tags=probe&type=company')).map((c) => c.name)).toEqual(['Probe Systems GmbH']);
    const leads = await list('status=LEAD,PROSPECT&ownerId=me');
    expect(leads.length).toBeGreaterThan(0);
    expect(leads.every((c) => ['LEAD', 'PROSPECT'].includes(c.status as string) && (c.owner as { id: string }).id === sales.me!.id)).toBe(true);
    const important = await list('level=important');
    expect(important.length).toBeGreaterThan(0);
    expect(important.every((c) => c.level === 'important')).toBe(true);
    const bad = await sales.get('/api/v1/customers?status=ALIVE');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toMatch(/^querystring\.status/);
    expect((await sales.get('/api/v1/customers?limit=201')).statusCode).toBe(400);
  });

  it('pages with a keyset cursor: every row once, in order, even while rows are inserted', async () => {
    for (const sort of ['name', 'number', 'created', 'lastContact', 'lifetimeValue'] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/api/v1/customers?status=CUSTOMER&sort=${sort}&limit=150${cursor ? `&cursor=${cursor}` : ''}`;
        const body = (await admin.get(url)).json();
        seen.push(...body.items.map((c: Item) => c.id));
        cursor = body.nextCursor;
        // Someone adds a customer mid-way: pages already read must not shift.
        if (pages++ === 1) await admin.post('/api/v1/customers', { fullName: `AAA inserted while paging by ${sort}`, status: 'CUSTOMER' });
      } while (cursor);
      const { rows } = await t.database.executor.query(`select count(*)::int as n from customers where status = 'CUSTOMER'`);
      expect(new Set(seen).size, sort).toBe(seen.length);
      expect(seen.length, sort).toBeGreaterThanOrEqual(rows[0].n - 1);
      expect(pages).toBeGreaterThan(3);
    }
    expect((await admin.get('/api/v1/customers?cursor=garbage')).json().errors[0].field).toBe('cursor');
  });

  it('pages search results by cursor in the asked order, each match once, the same set as one big page', async () => {
    // "demo" matches every demo e-mail: thousands of matches, read 40 at a time.
    for (const [sort, order] of [['name', 'asc'], ['created', 'desc'], ['number', 'desc']] as const) {
      const seen: { id: string; name: string; number: string }[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/customers?q=${encodeURIComponent('@vi.demo')}&sort=${sort}&order=${order}&limit=40${cursor ? `&cursor=${cursor}` : ''}`;
        const body = (await admin.get(url)).json();
        seen.push(...body.items);
        cursor = body.nextCursor;
      } while (cursor);
      const { rows } = await t.database.executor.query<{ n: number }>(`select count(*)::int as n from customers where email ilike '%@vi.demo%'`);
      expect(seen.length, sort).toBe(rows[0].n);
      expect(new Set(seen.map((c) => c.id)).size, sort).toBe(seen.length);
      if (sort === 'number') expect(seen.map((c) => c.number)).toEqual(seen.map((c) => c.number).sort().reverse());
    }
    const byName = ((await admin.get(`/api/v1/customers?q=nguy&sort=name&limit=100`)).json().items as Item[]).map((c) => c.name.toLowerCase());
    expect(byName.length).toBeGreaterThan(10);
    expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('sorts by name and lifetime value as asked', async () => {
    const names = ((await sales.get('/api/v1/customers?tags=probe&sort=name')).json().items as Item[]).map((c) => c.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    // Exact decimals compared as cents: the highest payers first, and the page holds real differences.
    const cents = (v: string) => BigInt(v.replace('.', ''));
    const values = ((await admin.get('/api/v1/customers?sort=lifetimeValue&limit=50')).json().items as { lifetimeValue: string }[]).map((c) => cents(c.lifetimeValue));
    expect(values).toEqual([...values].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    expect(values[0]).toBeGreaterThan(values[values.length - 1]);
  });

  it('saves filters as segments, private or shared, and lists through them', async () => {
    const created = await sales.post('/api/v1/customer-segments', { name: 'Probe B2B', filter: { tags: ['probe'], type: 'company' } });
    expect(created.statusCode).toBe(201);
    const segment = created.json();
    expect(segment).toMatchObject({ name: 'Probe B2B', shared: false, mine: true, filter: { tags: ['probe'], type: 'company' } });
    const listed = (await sales.get(`/api/v1/customers?segment=${segment.id}`)).json().items.map((c: Item) => c.name);
    expect(listed).toEqual(['Probe Systems GmbH']);
    // Explicit filters override the saved ones.
    const overridden = (await sales.get(`/api/v1/customers?segment=${segment.id}&type=individual`)).json().items;
    expect(overridden.length).toBe(4);

    const sales2 = await t.loginAs('sales2@demo.test');
    expect((await sales2.get(`/api/v1/customers?segment=${segment.id}`)).statusCode).toBe(404);
    expect((await sales.patch(`/api/v1/customer-segments/${segment.id}`, { shared: true }, { headers: { 'if-match': '"1"' } })).statusCode).toBe(200);
    expect((await sales2.get(`/api/v1/customers?segment=${segment.id}`)).statusCode).toBe(200);
    expect((await sales2.delete(`/api/v1/customer-segments/${segment.id}`)).statusCode).toBe(403);
    expect((await sales.patch(`/api/v1/customer-segments/${segment.id}`, { name: 'stale' }, { headers: { 'if-match': '"1"' } })).statusCode).toBe(412);

    const badStatus = await sales.post('/api/v1/customer-segments', { name: 'Bad', filter: { status: ['ALIVE'] } });
    expect(badStatus.json().errors[0].field).toMatch(/^filter\.status/);
    const badCustom = await sales.post('/api/v1/customer-segments', { name: 'Bad', filter: { custom: { tier: 'platinum' } } });
    expect(badCustom.statusCode).toBe(400);
    expect(badCustom.json().errors[0].field).toBe('filter.custom.tier');
    const unknown = await sales.post('/api/v1/customer-segments', { name: 'Bad', filter: { colour: 'red' } });
    expect(unknown.json().errors[0].field).toBe('filter.colour');
    expect((await sales.delete(`/api/v1/customer-segments/${segment.id}`)).statusCode).toBe(204);
  });
});
