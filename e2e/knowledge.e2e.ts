/**
 * The knowledge base's DONE flow (KB-1/KB-2): the admin lets agents publish (Administration →
 * Settings; by default only managers and admins may); agent2 writes an article in Vietnamese in the
 * rich-text editor — text, a table and an uploaded image — and publishes it; client1 finds it in the
 * portal FAQ by typing the words without accents and marks it helpful; agent1 opens a related ticket,
 * sees it suggested and inserts its text into the reply; an anonymous visitor reads it on /help with
 * its image; an internal article stays invisible to the client and to the visitor. The setting is put
 * back at the end. Captured in Chinese light (settings), Vietnamese light (editor), English dark (FAQ),
 * Bulgarian dark (suggestions). */
import type { Page } from 'playwright-core';
import { encodePng } from '../server/src/platform/files/png.ts';
import { DEMO_PASSWORD } from './lib/accounts.ts';
import { BASE_URL, newContext } from './lib/browser.ts';
import { expectAbsent, expectEqual, expectPath, expectTrue, expectVisible } from './lib/expect.ts';
import { type Language, t } from './lib/i18n.ts';
import { runSuite } from './lib/run.ts';
import { screenshot } from './lib/screenshot.ts';
import { chooseColorScheme, chooseLanguage, readMe, restorePreferences, signIn } from './lib/ui.ts';

const stamp = Date.now().toString(36);
const title = `Cách đối soát hóa đơn hằng tháng ${stamp}`;
const paragraph = `Mỗi tháng, hãy đối soát hóa đơn với sao kê thanh toán trước ngày 5 (mã ${stamp}).`;
const internalWord = `noibo${stamp}`;
const png = () => encodePng(48, 48, (x, y) => ((x >> 3) % 2 === (y >> 3) % 2 ? [30, 120, 220] : [250, 250, 250]));

/** A request from inside the page (its session cookie and CSRF token), for arranging and checking records. */
async function api(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
  const me = await readMe(page);
  return page.evaluate(
    async ({ method, url, body, csrf }) => {
      const response = await fetch(url, { method, headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf ?? '' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { method, url, body, csrf: me.csrfToken },
  );
}

async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

await runSuite('knowledge', async ({ browser, step }) => {
  const adminContext = await newContext(browser, { locale: 'zh-CN', colorScheme: 'light' });
  const writerContext = await newContext(browser, { locale: 'vi-VN', colorScheme: 'light' });
  const clientContext = await newContext(browser, { locale: 'en-US', colorScheme: 'dark' });
  const agentContext = await newContext(browser, { locale: 'bg-BG', colorScheme: 'dark' });
  const anonymousContext = await newContext(browser, { locale: 'vi-VN', colorScheme: 'light' });
  const admin = await adminContext.newPage();
  const writer = await writerContext.newPage();
  const client = await clientContext.newPage();
  const agent = await agentContext.newPage();
  const visitor = await anonymousContext.newPage();
  const restore: { page: Page; language: string; colorScheme: string }[] = [];
  /** Signs in, and shows the UI in this language and scheme (the account's own preferences are put back at the end). */
  const signInAs = async (page: Page, email: string, language: Language, colorScheme: 'light' | 'dark', home: string) => {
    // The layout's first read of the notifications re-renders the header: a menu opened before it
    // arrives closes under the click, and the choice is then neither shown nor saved.
    const notified = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/notifications', { timeout: 10_000 }).catch(() => null);
    await signIn(page, { email, password: DEMO_PASSWORD, language });
    await expectPath(page, home);
    await notified;
    const me = await readMe(page);
    restore.push({ page, language: me.language, colorScheme: me.colorScheme });
    if (me.language !== language) await chooseLanguage(page, me.language, language);
    if (me.colorScheme !== colorScheme) await chooseColorScheme(page, language, colorScheme);
  };
  let article: { id: string; slug: string; body: string } | null = null;
  let internal: { slug: string } | null = null;
  try {
    await step('the admin lets agents publish articles in Administration → Settings', async () => {
      await signInAs(admin, 'admin@demo.test', 'zh', 'light', '/');
      await admin.goto('/admin/settings');
      const agents = admin.getByRole('checkbox', { name: t('zh', 'roles.agent'), exact: true });
      await expectVisible(agents, 'the agent role among who may publish');
      await agents.check();
      await admin.getByRole('button', { name: t('zh', 'common.save'), exact: true }).click();
      await expectVisible(admin.getByText(t('zh', 'settings.saved')), 'the "saved" notice');
      await screenshot(admin, 'kb-settings-zh-light');
      const settings = await api(admin, 'GET', '/api/v1/admin/settings');
      expectEqual([...settings.body.knowledge.publishRoles].sort().join(','), 'admin,agent,manager', 'who may publish, as saved');
    });

    await step('agent2 writes a Vietnamese article with a table and an uploaded image, and publishes it', async () => {
      await signInAs(writer, 'agent2@demo.test', 'vi', 'light', '/');
      await writer.goto('/kb');
      await writer.getByRole('link', { name: t('vi', 'knowledge.newArticle') }).or(writer.getByRole('button', { name: t('vi', 'knowledge.newArticle') })).first().click();
      await expectPath(writer, '/kb/new');
      await writer.getByRole('textbox', { name: t('vi', 'knowledge.fields.title') }).fill(title);
      const body = writer.locator('[contenteditable="true"]').first();
      await body.click();
      await writer.keyboard.type(paragraph);
      await writer.keyboard.press('Enter');
      await writer.getByRole('button', { name: t('vi', 'knowledge.editor.insertTable') }).click();
      await writer.keyboard.type('Bước');
      await writer.keyboard.press('Tab');
      await writer.keyboard.type('Việc cần làm');
      await writer.locator('input[type="file"]').first().setInputFiles({ name: `doi-soat-${stamp}.png`, mimeType: 'image/png', buffer: png() });
      await expectVisible(body.locator('img[src^="/api/v1/files/"]'), 'the uploaded image in the editor');
      // A new article starts in the writer's language (Vietnamese here).
      await expectVisible(writer.getByLabel(t('vi', 'knowledge.fields.language'), { exact: true }).and(writer.locator('[value="Tiếng Việt"]')), 'the language field set to Vietnamese');
      await pick(writer, t('vi', 'knowledge.fields.visibility'), t('vi', 'knowledge.visibility.public'));
      await pick(writer, t('vi', 'knowledge.fields.status'), t('vi', 'knowledge.status.published'));
      await screenshot(writer, 'kb-editor-vi-light');
      await writer.getByRole('button', { name: t('vi', 'common.create'), exact: true }).click();
      await expectPath(writer, /^\/kb\/[0-9a-f-]{36}$/);
      const id = new URL(writer.url()).pathname.split('/').pop()!;
      const saved = await api(writer, 'GET', `/api/v1/kb/articles/${id}`);
      expectEqual(saved.status, 200, 'reading the new article');
      expectEqual(saved.body.status, 'published', 'the new article\'s status');
      expectEqual(saved.body.language, 'vi', 'the new article\'s language');
      expectTrue(/<table>/.test(saved.body.body) && /<img src="\/api\/v1\/files\/[0-9a-f-]{36}"/.test(saved.body.body), `the stored answer has its table and image: ${saved.body.body.slice(0, 300)}`);
      article = { id, slug: saved.body.slug, body: saved.body.body };
      // The internal article the client and the visitor must never see.
      const made = await api(writer, 'POST', '/api/v1/kb/articles', { title: `Quy trình nội bộ đối soát ${stamp}`, body: `<p>Chỉ nhân viên: ${internalWord}, hạn mức hoàn tiền.</p>`, language: 'vi', visibility: 'internal', status: 'published' });
      expectEqual(made.status, 201, 'creating the internal article');
      internal = { slug: made.body.slug };
    });

    await step('client1 finds it in the portal FAQ typing "doi soat hoa don" without accents and marks it helpful', async () => {
      await signInAs(client, 'client1@demo.test', 'en', 'dark', '/portal');
      await client.getByRole('link', { name: t('en', 'portalFaq.nav') }).first().click();
      await expectPath(client, '/portal/faq');
      await client.getByRole('textbox', { name: t('en', 'portalFaq.search') }).fill(`doi soat hoa don ${stamp}`);
      const hit = client.getByRole('link', { name: title, exact: true });
      await expectVisible(hit, 'the article in the FAQ results');
      await expectVisible(client.locator('[data-testid="faq-article"] mark').first(), 'the marked words of the snippet');
      await screenshot(client, 'kb-faq-en-dark');
      await hit.click();
      await expectVisible(client.getByRole('heading', { name: title, exact: true }), 'the article page in the portal');
      await client.getByRole('button', { name: t('en', 'portalFaq.yes'), exact: true }).click();
      await expectVisible(client.getByText(t('en', 'portalFaq.thanks')), 'the thank-you note');
      const counted = await api(client, 'GET', `/api/v1/kb/articles/${article!.id}`);
      expectEqual(counted.body.helpfulYes, 1, 'helpful answers counted on the article');
      // The internal article: not found by its own word, not readable by id.
      await client.goto('/portal/faq');
      await client.getByRole('textbox', { name: t('en', 'portalFaq.search') }).fill(internalWord);
      await expectVisible(client.getByText(t('en', 'portalFaq.none')), 'no result for the internal article\'s word');
      expectEqual((await api(client, 'GET', `/api/v1/kb/articles?q=${internalWord}`)).body.items.length, 0, 'internal articles in the client\'s search');
    });

    await step('agent1 opens a related ticket, sees the article suggested and inserts its text into the reply', async () => {
      await signInAs(agent, 'agent1@demo.test', 'bg', 'dark', '/');
      const components = (await api(agent, 'GET', '/api/v1/ticket-components')).body.items as { id: string; key: string }[];
      const customers = (await api(agent, 'GET', '/api/v1/customers?limit=1')).body.items as { id: string }[];
      const opened = await api(agent, 'POST', '/api/v1/tickets', {
        title: `Không đối soát được hóa đơn tháng này ${stamp}`, description: 'Sao kê và hóa đơn không khớp.', type: 'hr', typeFields: { topic: 'Payroll' },
        customerId: customers[0].id, componentId: components.find((c) => c.key === 'service_desk')!.id,
      });
      expectEqual(opened.status, 201, `opening the ticket: ${JSON.stringify(opened.body).slice(0, 200)}`);
      await agent.goto(`/tickets/${opened.body.number}`);
      const suggestion = agent.locator('[data-testid="kb-suggestion"]').filter({ hasText: title });
      await expectVisible(suggestion, 'the article among the suggestions');
      await screenshot(agent, 'kb-suggestions-bg-dark');
      await suggestion.getByRole('button', { name: t('bg', 'tickets.suggestions.insertText') }).click();
      await expectVisible(agent.locator('.mantine-Notification-root').filter({ hasText: t('bg', 'tickets.suggestions.inserted') }), 'the "inserted" notice');
      const reply = agent.getByRole('textbox', { name: t('bg', 'tickets.composer.replyLabel') });
      await expectVisible(reply, 'the reply composer');
      const text = await reply.inputValue();
      expectTrue(text.includes(`đối soát hóa đơn với sao kê`) && text.includes('Bước'), `the article's text (with its table) in the reply: ${text.slice(0, 200)}`);
      await agent.getByRole('button', { name: t('bg', 'tickets.composer.send') }).click();
      await expectVisible(agent.getByText(`Mỗi tháng, hãy đối soát hóa đơn`).first(), 'the reply in the conversation');
    });

    await step('an anonymous visitor reads it on /help with its image; the internal article is not there', async () => {
      const page = await visitor.goto(`${BASE_URL}/help/vi/${article!.slug}`);
      expectEqual(page?.status(), 200, 'the public article page');
      await expectVisible(visitor.getByRole('heading', { name: title, exact: true }), 'the title on /help');
      const image = visitor.locator('article img');
      await expectVisible(image, 'the image on /help');
      expectTrue(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 48), 'the image loads for a visitor without a session');
      await screenshot(visitor, 'kb-help-vi-light');
      const hidden = await visitor.goto(`${BASE_URL}/help/vi/${internal!.slug}`);
      expectEqual(hidden?.status(), 404, 'the internal article on /help');
      await visitor.goto(`${BASE_URL}/help/vi?q=${internalWord}`);
      await expectVisible(visitor.getByText('Không có bài viết phù hợp.'), 'the help centre\'s "no article" answer to the internal article\'s word');
      await expectAbsent(visitor.getByRole('link', { name: new RegExp(`Quy trình nội bộ đối soát ${stamp}`) }), 'the internal article in the help centre search');
      const sitemap = await (await visitor.request.get(`${BASE_URL}/help/sitemap.xml`)).text();
      expectTrue(sitemap.includes(`/help/vi/${article!.slug}<`) && !sitemap.includes(`/help/vi/${internal!.slug}<`), 'the sitemap lists the public article and not the internal one');
    });
  } finally {
    await api(admin, 'PATCH', '/api/v1/admin/settings', { knowledge: { publishRoles: ['admin', 'manager'] } }).catch(() => undefined);
    for (const r of restore) await restorePreferences(r.page, { language: r.language, colorScheme: r.colorScheme } as never).catch(() => undefined);
    await Promise.all([adminContext.close(), writerContext.close(), clientContext.close(), agentContext.close(), anonymousContext.close()]);
  }
});
