/**
 * A service desk agent's day with tickets: agent1 opens a ticket for a customer (the type's required
 * field is refused by the server and shown on its input), finds it again with the list's filters (which
 * land in the URL), opens it, writes an internal note (yellow, labelled) and a reply — which a
 * colleague watching the same ticket sees arrive without reloading — moves it to "In progress" and
 * finds that on the history timeline; a ticket of a component agent1 does not staff is "not found" for
 * them, exactly like a missing one (IAM-3). Captured in English light and Bulgarian dark.
 */
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './lib/accounts.ts';
import { newContext } from './lib/browser.ts';
import { expectAbsent, expectColorScheme, expectEqual, expectFieldError, expectPath, expectText, expectTrue, expectVisible } from './lib/expect.ts';
import { t } from './lib/i18n.ts';
import { runSuite } from './lib/run.ts';
import { screenshot } from './lib/screenshot.ts';
import { apiJson, chooseColorScheme, chooseLanguage, type MeView, readMe, restorePreferences, signIn } from './lib/ui.ts';

const stamp = Date.now().toString(36);
const title = `Scanner offline ${stamp}`;
const note = `Checked the contract: premium support (${stamp})`;
const reply = `We are on it and will call you today (${stamp})`;

const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}( \\*)?$`));
const toast = (page: Page, text: string) => page.locator('.mantine-Notification-root').filter({ hasText: text });
const messages = (page: Page) => page.getByRole('list', { name: t('en', 'tickets.conversation.title') });

async function typeInto(input: Locator, text: string) {
  await input.click();
  await input.fill('');
  await input.pressSequentially(text);
}

async function pick(page: Page, input: Locator, option: string | RegExp) {
  await input.click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

await runSuite('tickets-agent', async ({ browser, step }) => {
  const context = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const page = await context.newPage();
  let original: Pick<MeView, 'language' | 'colorScheme'> | null = null;
  let restored = false;
  let number = '';
  try {
    await step('agent1@demo.test signs in, switches to English light and opens Tickets', async () => {
      await signIn(page, { email: 'agent1@demo.test', password: DEMO_PASSWORD, language: 'en' });
      await expectPath(page, '/');
      const me = await readMe(page);
      original = { language: me.language, colorScheme: me.colorScheme };
      if (me.language !== 'en') await chooseLanguage(page, me.language, 'en');
      await chooseColorScheme(page, 'en', 'light');
      await expectColorScheme(page, 'light');
      await page.getByRole('navigation').getByRole('link', { name: t('en', 'tickets.nav.tickets'), exact: true }).click();
      await expectPath(page, '/tickets');
      await expectVisible(page.getByRole('heading', { name: t('en', 'tickets.title'), exact: true }), 'the Tickets title');
      await expectVisible(page.getByRole('row').filter({ hasText: /TCK-\d{6}/ }).first(), 'a ticket row');
      await screenshot(page, 'tickets-list-en-light');
    });

    await step('a new ticket: the missing required type field is shown on its input, then it is created', async () => {
      await page.getByRole('button', { name: t('en', 'tickets.create'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: t('en', 'tickets.createTitle') });
      await expectVisible(dialog, 'the New ticket dialog');
      await typeInto(field(dialog, t('en', 'tickets.fields.title')), title);
      await typeInto(field(dialog, t('en', 'tickets.fields.customer')), 'Acme');
      await page.getByRole('option', { name: /^Acme Logistics Ltd · CUST-/ }).first().click();
      await pick(page, field(dialog, t('en', 'tickets.fields.type')), 'Programming');
      await pick(page, field(dialog, t('en', 'tickets.fields.priority')), t('en', 'tickets.priority.4'));
      await typeInto(field(dialog, t('en', 'tickets.fields.description')), 'The scanner on the 2nd floor shows "offline" since **this morning**.');
      // The type's own fields appear under the common ones; "System" is required and left empty.
      await typeInto(field(dialog, 'Steps to reproduce'), 'Press Scan on the panel.');
      await dialog.getByRole('button', { name: t('en', 'common.create'), exact: true }).click();
      await expectFieldError(field(dialog, 'System'), 'Required.', 'the required System input');
      await screenshot(page, 'ticket-new-type-field-error-en-light');
      await pick(page, field(dialog, 'System'), 'ERP');
      await dialog.getByRole('button', { name: t('en', 'common.create'), exact: true }).click();
      await expectAbsent(dialog, 'the dialog after creating');
      await expectPath(page, /^\/tickets\/TCK-\d{6,}$/);
      number = new URL(page.url()).pathname.split('/').pop()!;
      await expectVisible(toast(page, t('en', 'tickets.created', { number })), 'the "created" toast');
      await expectVisible(page.getByRole('heading', { name: title, exact: true }), 'the new ticket page');
      // The description is the server's rendering of the Markdown subset.
      await expectVisible(page.locator('main strong').filter({ hasText: 'this morning' }), 'the bold words of the description');
    });

    await step('the list filters find it, and they are in the URL', async () => {
      await page.getByRole('navigation').getByRole('link', { name: t('en', 'tickets.nav.tickets'), exact: true }).click();
      await expectPath(page, '/tickets');
      await typeInto(page.getByRole('textbox', { name: t('en', 'common.search'), exact: true }), stamp);
      await page.getByRole('combobox', { name: t('en', 'tickets.fields.status'), exact: true }).click();
      await page.getByRole('option', { name: t('en', 'tickets.status.new'), exact: true }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('combobox', { name: t('en', 'tickets.fields.priority'), exact: true }).click();
      await page.getByRole('option', { name: t('en', 'tickets.priority.4'), exact: true }).click();
      await page.keyboard.press('Escape');
      // The channel it came in by (the call centre's list filters by phone the same way).
      await page.getByRole('combobox', { name: t('en', 'tickets.fields.source'), exact: true }).click();
      await page.getByRole('option', { name: t('en', 'tickets.source.web_form'), exact: true }).click();
      await page.keyboard.press('Escape');
      const rows = page.getByRole('row').filter({ hasText: /TCK-\d{6}/ });
      await expectVisible(rows.filter({ hasText: number }), 'the new ticket in the filtered list');
      await expectText(page.getByText(/^\d+ shown/), t('en', 'tickets.shown', { n: 1 }), 'the count of the filtered list');
      const query = new URL(page.url()).searchParams;
      expectEqual(
        { q: query.get('q'), status: query.get('status'), priority: query.get('priority'), source: query.get('source') },
        { q: stamp, status: 'new', priority: '4', source: 'web_form' },
        'the filters in the URL',
      );
      await screenshot(page, 'tickets-filtered-en-light');
      // A reload keeps the filters: they come from the URL.
      await page.reload();
      await expectVisible(rows.filter({ hasText: number }), 'the ticket after reloading the filtered list');
      expectEqual(await rows.count(), 1, 'rows after the reload');
    });

    await step('save the filters as a view, clear them, pick the view again; the built-in views load', async () => {
      const viewName = `Scanners ${stamp}`;
      const rows = page.getByRole('row').filter({ hasText: /TCK-\d{6}/ });
      await page.getByRole('button', { name: t('en', 'tickets.views.save'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: t('en', 'tickets.views.saveTitle') });
      await typeInto(field(dialog, t('en', 'tickets.views.name')), viewName);
      await dialog.getByRole('button', { name: t('en', 'common.save'), exact: true }).click();
      await expectVisible(toast(page, t('en', 'tickets.views.saved', { name: viewName })), 'the "view saved" toast');
      await page.getByRole('button', { name: t('en', 'tickets.clearFilters'), exact: true }).first().click();
      await expectVisible(rows.nth(2), 'more rows without filters');
      await pick(page, page.getByRole('combobox', { name: t('en', 'tickets.views.savedLabel'), exact: true }), viewName);
      await expectVisible(rows.filter({ hasText: number }), 'the ticket through the saved view');
      await expectAbsent(rows.nth(1), 'a second row in the saved view');
      expectEqual(new URL(page.url()).searchParams.get('q'), stamp, 'the view filter back in the URL');
      for (const view of ['unassigned', 'breaching_sla', 'my_open'] as const) {
        await page.locator('.mantine-SegmentedControl-root').getByText(t('en', `tickets.views.${view}`), { exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/tickets' && url.searchParams.get('view') === view);
        await expectAbsent(page.getByText(t('en', 'errors.loadFailed'), { exact: true }), `a load error in the ${view} view`);
      }
      await page.locator('.mantine-SegmentedControl-root').getByText(t('en', 'tickets.views.all'), { exact: true }).click();
      await expectVisible(rows.filter({ hasText: number }), 'the ticket with the view filters and All');
      await rows.getByRole('link', { name: number, exact: true }).click();
      await expectPath(page, `/tickets/${number}`);
    });

    const colleague = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
    try {
      const watcher = await colleague.newPage();
      await step('a colleague (agent2) opens the same ticket', async () => {
        await signIn(watcher, { email: 'agent2@demo.test', password: DEMO_PASSWORD, language: 'en' });
        await expectPath(watcher, '/');
        await watcher.goto(`/tickets/${number}`);
        await expectVisible(watcher.getByRole('heading', { name: title, exact: true }), "the ticket in agent2's window");
        // Joined to the ticket's room: the "Live" hint shows once the socket is subscribed.
        await expectVisible(watcher.getByText(t('en', 'tickets.live'), { exact: true }), 'the Live hint');
      });

      await step('an internal note, then a reply; the reply reaches the colleague without a reload', async () => {
        await page.locator('.mantine-SegmentedControl-root').getByText(t('en', 'tickets.composer.note'), { exact: true }).click();
        await typeInto(page.getByRole('textbox', { name: t('en', 'tickets.composer.noteLabel'), exact: true }), note);
        await page.getByRole('button', { name: t('en', 'tickets.composer.addNote'), exact: true }).click();
        await expectVisible(toast(page, t('en', 'tickets.composer.noteAdded')), 'the "note added" toast');
        const noteItem = messages(page).locator('[data-internal]').filter({ hasText: note });
        await expectText(noteItem, t('en', 'tickets.conversation.internalNote'), 'the note, labelled as internal');
        await page.locator('.mantine-SegmentedControl-root').getByText(t('en', 'tickets.composer.reply'), { exact: true }).click();
        await typeInto(page.getByRole('textbox', { name: t('en', 'tickets.composer.replyLabel'), exact: true }), reply);
        await page.getByRole('button', { name: t('en', 'tickets.composer.send'), exact: true }).click();
        await expectVisible(toast(page, t('en', 'tickets.composer.replySent')), 'the "reply sent" toast');
        const replyItem = messages(page).getByRole('listitem').filter({ hasText: reply });
        await expectVisible(replyItem, 'the reply in the conversation');
        await expectAbsent(replyItem.locator('[data-internal]'), 'an internal label on the reply');
        // Oldest first: the note comes before the reply.
        const texts = await messages(page).getByRole('listitem').allInnerTexts();
        expectTrue(texts.findIndex((x) => x.includes(note)) < texts.findIndex((x) => x.includes(reply)), `the note above the reply in ${JSON.stringify(texts)}`);
        await expectVisible(messages(watcher).getByRole('listitem').filter({ hasText: reply }), "the reply in agent2's window, pushed by the socket");
        await expectVisible(messages(watcher).locator('[data-internal]').filter({ hasText: note }), "the note in agent2's window (staff see notes)");
        await screenshot(page, 'ticket-conversation-en-light');
      });
    } finally {
      await colleague.close();
    }

    await step('move it to In progress (only allowed steps offered) and see it on the history timeline', async () => {
      await page.getByRole('combobox', { name: t('en', 'tickets.fields.status'), exact: true }).click();
      const offered = await page.getByRole('listbox', { name: t('en', 'tickets.fields.status') }).getByRole('option').allInnerTexts();
      expectEqual(offered, [t('en', 'tickets.status.new'), t('en', 'tickets.moveTo', { status: t('en', 'tickets.status.in_progress') })], 'the statuses offered for a new ticket');
      await page.getByRole('option', { name: t('en', 'tickets.moveTo', { status: t('en', 'tickets.status.in_progress') }), exact: true }).click();
      await expectVisible(toast(page, t('en', 'tickets.saved', { number })), 'the "saved" toast');
      await expectVisible(page.locator('main .mantine-Badge-root').filter({ hasText: new RegExp(`^${t('en', 'tickets.status.in_progress')}$`, 'i') }).first(), 'the In progress badge');
      await page.getByRole('tab', { name: t('en', 'tickets.history.title'), exact: true }).click();
      const timeline = page.getByRole('tabpanel', { name: t('en', 'tickets.history.title') }).locator('.mantine-Timeline-root');
      await expectText(timeline, /Petar Ivanov: .*status new → in_progress/, 'the status change on the timeline');
      await screenshot(page, 'ticket-history-en-light');
    });

    await step('a ticket of a component agent1 does not staff is "not found" for them, exactly like a missing one', async () => {
      // The admin opens an unassigned hardware ticket: agent1 staffs the service desk and software only.
      const adminContext = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
      try {
        const adminPage = await adminContext.newPage();
        await signIn(adminPage, { email: 'admin@demo.test', password: DEMO_PASSWORD, language: 'en' });
        await expectPath(adminPage, '/');
        const components = await apiJson<{ items: { id: string; key: string }[] }>(adminPage, 'GET', '/api/v1/ticket-components');
        const customers = await apiJson<{ items: { id: string }[] }>(adminPage, 'GET', '/api/v1/customers?limit=1');
        const hidden = await apiJson<{ number: string }>(adminPage, 'POST', '/api/v1/tickets', {
          title: `Printer jam ${stamp}`, description: 'Tray 2 jams.', type: 'hr', typeFields: { topic: 'Leave' },
          customerId: customers.items[0].id, componentId: components.items.find((c) => c.key === 'hardware')!.id, processorId: null,
        });
        for (const wanted of [hidden.number, 'TCK-999999']) {
          await page.goto(`/tickets/${wanted}`);
          await expectVisible(page.getByRole('heading', { name: t('en', 'tickets.notFound'), exact: true }), `the not-found state for ${wanted}`);
        }
        await screenshot(page, 'ticket-other-component-not-found-en-light');
        await page.goto(`/tickets/${number}`);
        await expectVisible(page.getByRole('heading', { name: title, exact: true }), 'agent1\'s own ticket again');
      } finally {
        await adminContext.close();
      }
    });

    await step('the ticket and the list in Bulgarian, dark', async () => {
      await chooseLanguage(page, 'en', 'bg');
      await chooseColorScheme(page, 'bg', 'dark');
      await expectColorScheme(page, 'dark');
      await page.getByRole('tab', { name: t('bg', 'tickets.conversation.title'), exact: true }).click();
      await expectVisible(page.getByRole('list', { name: t('bg', 'tickets.conversation.title') }).locator('[data-internal]').filter({ hasText: t('bg', 'tickets.conversation.internalNote') }), 'the note labelled in Bulgarian');
      await screenshot(page, 'ticket-page-bg-dark');
      await page.getByRole('navigation').getByRole('link', { name: t('bg', 'tickets.nav.tickets'), exact: true }).click();
      await expectVisible(page.getByRole('heading', { name: t('bg', 'tickets.title'), exact: true }), 'the Tickets title in Bulgarian');
      await expectVisible(page.getByRole('row').filter({ hasText: /TCK-\d{6}/ }).first(), 'a ticket row');
      await screenshot(page, 'tickets-list-bg-dark');
      await chooseLanguage(page, 'bg', original!.language);
      await chooseColorScheme(page, original!.language, original!.colorScheme);
      const me = await readMe(page);
      expectEqual({ language: me.language, colorScheme: me.colorScheme }, original, "agent1's restored preferences");
      restored = true;
    });
  } finally {
    if (original && !restored) await restorePreferences(page, original).catch(() => undefined);
    await context.close();
  }
});
