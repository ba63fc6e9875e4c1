/**
 * KB-1/KB-2: articles with sanitised answers, versions and translations; ranked search that folds
 * accents, finds CJK without spaces and tolerates typos; who sees what (staff everything, clients and
 * anonymous readers only published public articles, 404 otherwise); the editor workflow's refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ifMatch, openTicket, query } from '../../../../test/factories/index.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/harness.ts';
import { waitFor } from '../../../../test/wait.ts';

type Summary = { id: string; title: string; language: string; slug: string; status: string; visibility: string; snippet: { text: string; match: boolean }[] };
const titles = (items: Summary[]) => items.map((a) => a.title);

describe('knowledge base', () => {
  // One app for these its (starting one costs seconds): they read the demo articles and each writes its own.
  let t: TestApp;
  let agent: Agent;
  let manager: Agent;
  let client: Agent;
  let auditor: Agent;
  let anonymous: Agent;

  const write = (who: Agent, body: Record<string, unknown>) => who.post('/api/v1/kb/articles', { language: 'en', visibility: 'public', ...body });
  const faq = (q: string, language = 'en') => anonymous.get(`/api/v1/help/articles?language=${language}&q=${encodeURIComponent(q)}`);
  const articleCount = async () => (await query<{ n: number }>(t, 'select count(*)::int as n from kb_articles'))[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    agent = await t.loginAs('agent1@demo.test');
    manager = await t.loginAs('manager@demo.test');
    client = await t.loginAs('client1@demo.test');
    auditor = await t.loginAs('auditor@demo.test');
    anonymous = t.anonymous();
  });
  afterAll(async () => t.stop());

  it('stores answers sanitised: scripts, handlers, iframes, javascript: links, SVG and styles are gone', async () => {
    const created = await write(manager, {
      title: 'Payload probe',
      status: 'published',
      body: `<p>Safe text</p><script>alert(1)</script><img src="x" onerror="alert(2)"><iframe src="https://evil.test"></iframe>
        <a href="javascript:alert(3)">click</a><svg onload="alert(4)"><circle r="1"/></svg><p style="background:url(javascript:alert(5))">styled</p>
        <a href="https://example.test/doc">doc</a><table><tr><td onclick="alert(6)">cell</td></tr></table>`,
    });
    expect(created.statusCode).toBe(201);
    const body: string = created.json().body;
    expect(body).not.toMatch(/script|onerror|onload|onclick|iframe|javascript:|<svg|style=/i);
    expect(body).toContain('<p>Safe text</p>');
    expect(body).toContain('<a href="https://example.test/doc" target="_blank" rel="noopener noreferrer nofollow">doc</a>');
    expect(body).toContain('<td>cell</td>');
  });

  it('refuses an answer that is only unsafe markup, an over-long title and a client writer, writing nothing', async () => {
    const before = await articleCount();
    const empty = await write(agent, { title: 'Nothing left', body: '<script>alert(1)</script>' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((e: { field: string }) => e.field)).toEqual(['body']);
    const long = await write(agent, { title: 'x'.repeat(201), body: '<p>ok</p>' });
    expect(long.statusCode).toBe(400);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.json().errors.map((e: { field: string }) => e.field)).toEqual(['title']);
    const byClient = await write(client, { title: 'Mine', body: '<p>mine</p>' });
    expect(byClient.statusCode).toBe(403);
    expect(await articleCount()).toBe(before);
  });

  it("lets agents draft but only the setting's roles publish (default: manager and admin)", async () => {
    const published = await write(agent, { title: 'Agent publishes', body: '<p>x</p>', status: 'published' });
    expect(published.statusCode).toBe(403);
    expect(published.json()).toMatchObject({ code: 'publish_not_allowed', errors: [{ field: 'status' }] });
    const draft = await write(agent, { title: 'Agent drafts', body: '<p>Draft body</p>' });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ status: 'draft', author: { name: expect.any(String) } });
    const publish = await manager.patch(`/api/v1/kb/articles/${draft.json().id}`, { status: 'published' }, ifMatch(draft.json().version));
    expect(publish.statusCode).toBe(200);
    expect(publish.json()).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
  });

  it('lets agents publish once the admin adds them to knowledge.publishRoles, and refuses an empty list, changing nothing', async () => {
    const admin = await t.loginAs('admin');
    const roles = async () => (await admin.get('/api/v1/admin/settings')).json().knowledge.publishRoles as string[];
    const empty = await admin.patch('/api/v1/admin/settings', { knowledge: { publishRoles: [] } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((e: { field: string }) => e.field)).toEqual(['knowledge.publishRoles']);
    expect(await roles()).toEqual(['admin', 'manager']);
    try {
      expect((await admin.patch('/api/v1/admin/settings', { knowledge: { publishRoles: ['admin', 'manager', 'agent'] } })).statusCode).toBe(200);
      const published = await write(agent, { title: 'Agent publishes with the setting', body: '<p>x</p>', status: 'published' });
      expect(published.statusCode, published.body).toBe(201);
      expect(published.json().status).toBe('published');
    } finally {
      await admin.patch('/api/v1/admin/settings', { knowledge: { publishRoles: ['admin', 'manager'] } });
    }
    expect(await roles()).toEqual(['admin', 'manager']);
  });

  it('answers 412 to a stale If-Match and keeps the first save; previous versions are listed and restorable', async () => {
    const created = (await write(manager, { title: 'Versioned', body: '<p>First answer</p>' })).json();
    const first = await manager.patch(`/api/v1/kb/articles/${created.id}`, { body: '<p>Second answer</p>' }, ifMatch(created.version));
    expect(first.statusCode).toBe(200);
    const stale = await agent.patch(`/api/v1/kb/articles/${created.id}`, { body: '<p>Lost?</p>' }, ifMatch(created.version));
    expect(stale.statusCode).toBe(412);
    const now = (await agent.get(`/api/v1/kb/articles/${created.id}`)).json();
    expect(now.body).toBe('<p>Second answer</p>');
    const versions = (await agent.get(`/api/v1/kb/articles/${created.id}/versions`)).json().items;
    expect(versions.map((v: { body: string }) => v.body)).toEqual(['<p>First answer</p>']);
    const restored = await manager.post(`/api/v1/kb/articles/${created.id}/versions/${versions[0].version}/restore`, {}, ifMatch(now.version));
    expect(restored.statusCode).toBe(200);
    expect(restored.json().body).toBe('<p>First answer</p>');
    const history = await query<{ action: string }>(t, `select action from history where entity_type = 'article' and entity_id = $1 order by id`, [created.id]);
    expect(history.map((h) => h.action)).toEqual(['created', 'updated', 'updated']);
  });

  it('finds Vietnamese without accents, Chinese without spaces, partial words and typos, matches marked', async () => {
    const vi = (await faq('hoa don', 'vi')).json().items as Summary[];
    expect(vi[0].title).toMatch(/hóa đơn/i);
    expect(vi[0].snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toContain('hóa');
    const zh = (await faq('发票', 'zh')).json().items as Summary[];
    expect(zh.some((a) => a.language === 'zh')).toBe(true);
    expect(zh[0].snippet.some((p) => p.match && p.text === '发票')).toBe(true);
    expect(titles((await faq('passw')).json().items)).toContain('How do I reset my password?');
    expect(titles((await faq('pasword')).json().items)).toContain('How do I reset my password?');
    expect((await faq('zzzqqqxx')).json().items).toEqual([]);
    // Typed in an English portal, the Vietnamese words still find the Vietnamese answer.
    expect((await faq('hoa don', 'en')).json().items[0]).toMatchObject({ language: 'vi', title: vi[0].title });
  });

  it('keeps the search index with every change, however the article is written, and ranks title words above text words', async () => {
    const created = (await write(manager, { title: 'Quokka feeding schedule', body: '<p>About wombats.</p>', status: 'published' })).json();
    const staffFind = async (q: string) => titles((await agent.get(`/api/v1/kb/articles?q=${encodeURIComponent(q)}`)).json().items);
    expect(await staffFind('quokka')).toContain('Quokka feeding schedule');
    // A renamed article is found by its new title only; an unpublished one leaves the FAQ at once.
    const renamed = await manager.patch(`/api/v1/kb/articles/${created.id}`, { title: 'Platypus feeding schedule' }, ifMatch(created.version));
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await staffFind('quokka')).not.toContain('Platypus feeding schedule');
    expect(titles((await faq('platypus')).json().items)).toContain('Platypus feeding schedule');
    const archived = await manager.patch(`/api/v1/kb/articles/${created.id}`, { status: 'archived' }, ifMatch(renamed.json().version));
    expect(archived.statusCode, archived.body).toBe(200);
    expect(titles((await faq('platypus')).json().items)).toEqual([]);
    // Written by SQL, not by the app (an import, a script): the database indexes it all the same.
    const [{ id: groupId }] = await query<{ id: string }>(t, 'select gen_random_uuid() as id');
    const [author] = await query<{ id: string }>(t, `select id from users where email = 'manager@demo.test'`);
    await query(t, `insert into kb_articles (id, group_id, language, original, title, slug, body_html, body_text, visibility, status, author_id, editor_id)
      values ($1::uuid, $1::uuid, 'zh', true, '增值税专用发票开具', 'vat-special-' || $1::text, '<p>x</p>', '请联系财务部。', 'public', 'published', $2, $2)`, [groupId, author.id]);
    expect(titles((await faq('专用发票', 'zh')).json().items)).toContain('增值税专用发票开具');
    expect(titles((await faq('增', 'zh')).json().items)).toContain('增值税专用发票开具');
    // A title word outranks the same word in a text; the last word typed may be unfinished.
    await write(manager, { title: 'Wombat burrows', body: '<p>Burrow depth.</p>', status: 'published' });
    await write(manager, { title: 'Garden fences', body: '<p>Keep the wombat out with a deep fence.</p>', status: 'published' });
    const ranked = await staffFind('wombat');
    expect(ranked.indexOf('Wombat burrows')).toBeGreaterThanOrEqual(0);
    expect(ranked.indexOf('Wombat burrows')).toBeLessThan(ranked.indexOf('Garden fences'));
    expect(await staffFind('garden fenc')).toContain('Garden fences');
  });

  it('manages categories: rename and move with If-Match, one level of nesting, and no removal while one holds articles', async () => {
    const top = await manager.post('/api/v1/kb/categories', { slug: `returns-${Date.now()}`, names: { en: 'Returns', vi: 'Đổi trả' } });
    expect(top.statusCode, top.body).toBe(201);
    const child = (await manager.post('/api/v1/kb/categories', { slug: `returns-abroad-${Date.now()}`, names: { en: 'Abroad' }, parentId: top.json().id })).json();
    const categoryPath = (id: string) => `/api/v1/kb/categories/${id}`;
    // Renamed in four languages; the stale second save is refused and changes nothing.
    const renamed = await manager.patch(categoryPath(top.json().id), { names: { en: 'Returns and refunds', vi: 'Đổi trả', bg: 'Връщане', zh: '退货' }, position: 3 }, ifMatch(top.json().version));
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ names: { en: 'Returns and refunds', zh: '退货' }, position: 3, version: 2 });
    const stale = await manager.patch(categoryPath(top.json().id), { names: { en: 'Lost' } }, ifMatch(top.json().version));
    expect(stale.statusCode).toBe(412);
    // Two levels are refused: under a child, or a parent moved under another category.
    const [other] = await query<{ id: string }>(t, `select id from kb_categories where parent_id is null and id <> $1 limit 1`, [top.json().id]);
    expect((await manager.patch(categoryPath(other.id), { parentId: child.id }, ifMatch((await agent.get('/api/v1/kb/categories')).json().items.find((c: { id: string }) => c.id === other.id).version))).json()).toMatchObject({ errors: [{ field: 'parentId' }] });
    const deeper = await manager.patch(categoryPath(top.json().id), { parentId: other.id }, ifMatch(2));
    expect(deeper.statusCode).toBe(400);
    expect(deeper.json().errors.map((e: { field: string }) => e.field)).toEqual(['parentId']);
    // Not removed while it holds a sub-category or an article; removed once empty. Clients may not touch categories.
    expect((await manager.delete(categoryPath(top.json().id), ifMatch(2))).json()).toMatchObject({ code: 'category_not_empty' });
    const article = (await write(manager, { title: 'Returning goods from abroad', body: '<p>Customs form.</p>', categoryId: child.id })).json();
    expect((await manager.delete(categoryPath(child.id), ifMatch(child.version))).statusCode).toBe(409);
    expect((await manager.patch(`/api/v1/kb/articles/${article.id}`, { categoryId: null }, ifMatch(article.version))).statusCode).toBe(200);
    expect((await client.delete(categoryPath(child.id), ifMatch(child.version))).statusCode).toBe(403);
    expect((await manager.delete(categoryPath(child.id), ifMatch(child.version))).statusCode).toBe(204);
    expect((await manager.delete(categoryPath(top.json().id), ifMatch(2))).statusCode).toBe(204);
    expect((await manager.delete(categoryPath(top.json().id), ifMatch(2))).statusCode).toBe(404);
    const history = await query<{ action: string }>(t, `select action from history where entity_type = 'kb_category' and entity_id = $1 order by id`, [top.json().id]);
    expect(history.map((h) => h.action)).toEqual(['created', 'updated', 'deleted']);
  });

  it('lists the FAQ once per article, in the reader\'s language or the original, and counts public articles per category', async () => {
    const en = (await anonymous.get('/api/v1/help/articles?language=en&limit=200')).json().items as (Summary & { groupId: string })[];
    expect(new Set(en.map((a) => a.groupId)).size).toBe(en.length);
    const groups = await query<{ group_id: string; has_en: boolean }>(t, `select group_id, bool_or(language = 'en') as has_en from kb_articles where visibility = 'public' and status = 'published' group by group_id`);
    expect(en).toHaveLength(groups.length);
    for (const g of groups) expect(en.find((a) => a.groupId === g.group_id)!.language === 'en').toBe(g.has_en);
    const categories = (await anonymous.get('/api/v1/help/categories')).json().items as { id: string; articles: number }[];
    const [counted] = await query<{ n: number }>(t, `select count(*)::int as n from kb_articles where visibility = 'public' and status = 'published' and category_id is not null`);
    expect(categories.reduce((n, c) => n + c.articles, 0)).toBe(counted.n);
  });

  it('shows clients and anonymous readers published public articles only: internal and drafts are 404 and never listed', async () => {
    const [internal] = await query<{ id: string; language: string; slug: string }>(t, `select id, language, slug from kb_articles where visibility = 'internal' and status = 'published' limit 1`);
    const draft = (await write(agent, { title: 'Secret draft about routers', body: '<p>routers secret</p>' })).json();
    for (const id of [internal.id, draft.id]) {
      expect((await client.get(`/api/v1/kb/articles/${id}`)).statusCode).toBe(404);
      expect((await agent.get(`/api/v1/kb/articles/${id}`)).statusCode).toBe(200);
    }
    expect((await anonymous.get(`/api/v1/help/articles/${internal.language}/${internal.slug}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/help/${internal.language}/${internal.slug}`)).statusCode).toBe(404);
    const clientSearch = (await client.get('/api/v1/kb/articles?q=routers%20secret')).json().items;
    expect(clientSearch).toEqual([]);
    expect((await agent.get('/api/v1/kb/articles?q=routers%20secret')).json().items.map((a: Summary) => a.id)).toEqual([draft.id]);
    const listed = await client.get('/api/v1/kb/articles?limit=100');
    expect(listed.statusCode, listed.body).toBe(200);
    const everything = listed.json().items as Summary[];
    expect(everything.length).toBeGreaterThan(0);
    expect(everything.every((a) => a.visibility === 'public' && a.status === 'published')).toBe(true);
    // The header search (PLT-8): the same rule — the staff's hits for "refund" include the internal approval limits, the client's do not.
    const staffHits = (await agent.get('/api/v1/search?q=refund')).json().articles as Summary[];
    expect(staffHits.some((a) => a.visibility === 'internal')).toBe(true);
    const clientHits = (await client.get('/api/v1/search?q=refund')).json().articles as Summary[] | undefined;
    expect((clientHits ?? []).every((a) => a.visibility === 'public')).toBe(true);
    const sitemap = (await anonymous.get('/help/sitemap.xml')).body;
    expect(sitemap).not.toContain(`/${internal.language}/${internal.slug}<`);
    expect((await auditor.post('/api/v1/kb/articles', { title: 'x', body: '<p>x</p>', language: 'en' })).statusCode).toBe(403);
  });

  it("gives a reader their language and falls back to the original with a note", async () => {
    const [only] = await query<{ id: string; language: string }>(t, `select id, language from kb_articles a where visibility = 'public' and status = 'published'
      and (select count(*) from kb_articles b where b.group_id = a.group_id) = 1 and language <> 'en' limit 1`);
    const read = (await client.get(`/api/v1/kb/articles/${only.id}?language=en`)).json();
    expect(read).toMatchObject({ id: only.id, language: only.language, fallbackFrom: 'en' });
    const [translated] = await query<{ id: string; group_id: string }>(t, `select a.id, a.group_id from kb_articles a where a.original and a.language = 'en' and a.visibility = 'public'
      and exists (select 1 from kb_articles b where b.group_id = a.group_id and b.language = 'bg' and b.status = 'published')`);
    const bg = (await client.get(`/api/v1/kb/articles/${translated.id}?language=bg`)).json();
    expect(bg).toMatchObject({ language: 'bg', fallbackFrom: null });
    expect(bg.translations.map((x: { language: string }) => x.language)).toContain('en');
  });

  it('serves the help centre as HTML with the title, text and feedback form, and counts views and feedback', async () => {
    const [a] = await query<{ id: string; slug: string; title: string; views: number }>(t, `select id, slug, title, views from kb_articles where language = 'en' and slug = 'reset-password'`);
    // Staff opening it to check or edit is not a reader's view; the visitor's page is.
    expect((await agent.get(`/api/v1/kb/articles/${a.id}`)).statusCode).toBe(200);
    const page = await anonymous.get(`/help/en/${a.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain(`<title>${a.title.replace(/'/g, '&#39;').replace(/\?/g, '?')} ·`);
    expect(page.body).toContain('og:description');
    expect(page.body).toContain(`/portal/tickets/new?article=${a.id}`);
    const feedback = await anonymous.post(`/api/v1/help/articles/${a.id}/feedback`, { helpful: false, comment: 'Step 3 is unclear' });
    expect(feedback.statusCode).toBe(204);
    const after = (await query<{ views: number; helpful_no: number }>(t, `select views, helpful_no from kb_articles where id = $1`, [a.id]))[0];
    expect(after.views).toBe(a.views + 1);
    expect(after.helpful_no).toBeGreaterThanOrEqual(1);
    const index = await anonymous.get('/help/vi?q=hoa%20don');
    expect(index.body).toMatch(/<mark>hóa<\/mark>/i);
  });

  it("suggests articles for a ticket's question, counts a use when the ticket is resolved, and 404s a hidden ticket", async () => {
    const admin = await t.loginAs('admin');
    // A customer no demo client belongs to: client1 may not see its tickets.
    const [customer] = await query<{ id: string }>(t, `select c.id from customers c where not exists (select 1 from users u where u.customer_id = c.id) order by c.number limit 1`);
    const ticket = await openTicket(admin, { title: 'I forgot my password and cannot log in', customerId: customer.id });
    const suggested = await admin.get(`/api/v1/kb/suggestions?ticketId=${ticket.id}`);
    expect(suggested.statusCode).toBe(200);
    const top = suggested.json().items as Summary[];
    expect(top.slice(0, 3).map((s) => s.slug)).toContain('reset-password');
    // Chinese without spaces and Vietnamese syllables: the pairs of characters and the phrase "hóa đơn" find the invoice answers.
    const zh = await openTicket(admin, { title: '发票金额显示错误', description: '我们收到的电子发票金额不对。', customerId: customer.id });
    const zhTop = (await admin.get(`/api/v1/kb/suggestions?ticketId=${zh.id}`)).json();
    expect(zhTop.language).toBe('zh');
    expect(zhTop.items[0]).toMatchObject({ language: 'zh' });
    expect(zhTop.items[0].title).toContain('发票');
    const vi = await openTicket(admin, { title: 'Không tải được hóa đơn', description: 'Tôi không tìm thấy hóa đơn tháng trước trên cổng khách hàng.', customerId: customer.id });
    const viTop = (await admin.get(`/api/v1/kb/suggestions?ticketId=${vi.id}`)).json().items as Summary[];
    expect(viTop[0].language).toBe('vi');
    expect(viTop[0].title).toMatch(/hóa đơn/);
    const article = top.find((s) => s.slug === 'reset-password')!;
    expect((await admin.post(`/api/v1/kb/articles/${article.id}/inserted`, { ticketId: ticket.id })).statusCode).toBe(204);
    expect((await client.get(`/api/v1/kb/suggestions?ticketId=${ticket.id}`)).statusCode).toBe(404);
    const uses = async () => (await query<{ uses: number }>(t, 'select uses from kb_articles where id = $1', [article.id]))[0].uses;
    const before = await uses();
    const working = await admin.post(`/api/v1/tickets/${ticket.number}/status`, { status: 'in_progress' }, ifMatch(ticket.version));
    expect(working.statusCode, working.body).toBe(200);
    const resolved = await admin.post(`/api/v1/tickets/${ticket.number}/status`, { status: 'resolved' }, ifMatch(working.json().version));
    expect(resolved.statusCode, resolved.body).toBe(200);
    await waitFor('the use to be counted', async () => (await uses()) === before + 1 || null);
  });

  it("turns a resolved ticket's answer into a draft without the client's personal details, and refuses an open one", async () => {
    const admin = await t.loginAs('admin');
    const [customer] = await query<{ id: string; name: string }>(t, `select c.id, c.name from customers c where not exists (select 1 from users u where u.customer_id = c.id) order by c.number limit 1`);
    const ticket = await openTicket(admin, { title: `Invoice for ${customer.name} shows the wrong VAT`, customerId: customer.id });
    const draftOf = (who: Agent) => who.get(`/api/v1/kb/draft-from-ticket?ticketId=${ticket.id}`);
    expect((await draftOf(admin)).json()).toMatchObject({ code: 'ticket_not_resolved', errors: [{ field: 'ticketId' }] });
    const reply = `Dear ${customer.name}, open **Invoices**, choose the invoice and press *Correct VAT*. Questions: call +84 903 555 777 or write to ana.nguyen@example.test.`;
    expect((await admin.post(`/api/v1/tickets/${ticket.number}/messages`, { body: reply, internal: false })).statusCode).toBe(201);
    // A staff reply moves a new ticket along; resolve it from wherever it is now.
    let current = (await admin.get(`/api/v1/tickets/${ticket.number}`)).json();
    if (current.status === 'new') current = (await admin.post(`/api/v1/tickets/${ticket.number}/status`, { status: 'in_progress' }, ifMatch(current.version))).json();
    const resolved = await admin.post(`/api/v1/tickets/${ticket.number}/status`, { status: 'resolved' }, ifMatch(current.version));
    expect(resolved.statusCode, resolved.body).toBe(200);
    const draft = await draftOf(admin);
    expect(draft.statusCode, draft.body).toBe(200);
    const { title, body, removed } = draft.json();
    for (const secret of [customer.name, '+84 903 555 777', 'ana.nguyen@example.test']) {
      expect(title + body).not.toContain(secret);
      expect(removed).toContain(secret);
    }
    expect(title).toBe('Invoice for […] shows the wrong VAT');
    expect(body).toContain('<strong>Invoices</strong>');
    expect(body).toContain('[…]');
    // Nothing was saved, and a client (no knowledge.write) may not ask.
    expect((await query<{ n: number }>(t, `select count(*)::int as n from kb_articles where title like 'Invoice for%'`))[0].n).toBe(0);
    expect((await draftOf(client)).statusCode).toBe(403);
  });

  it('reports the most viewed and the searches without result to the KB owner, not to agents', async () => {
    await faq('nothing-like-this-exists');
    expect((await agent.get('/api/v1/kb/analytics')).statusCode).toBe(403);
    const report = await manager.get('/api/v1/kb/analytics');
    expect(report.statusCode).toBe(200);
    expect(report.json().searchesWithoutResult.map((s: { query: string }) => s.query)).toContain('nothing-like-this-exists');
    expect(report.json().mostViewed.length).toBeGreaterThan(0);
    // The helpful counts are the feedback rows of each article, not of another one.
    const [rated] = await query<{ id: string; yes: number; no: number }>(t, `select article_id as id, count(*) filter (where helpful)::int as yes, count(*) filter (where not helpful)::int as no from kb_feedback group by article_id order by count(*) desc limit 1`);
    const listed = [...report.json().mostHelpful, ...report.json().leastHelpful].find((a: { id: string }) => a.id === rated.id);
    expect(listed).toMatchObject({ helpfulYes: rated.yes, helpfulNo: rated.no });
  });
});
