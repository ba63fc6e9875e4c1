/**
 * Ticket custom fields in the staff list (issue 10 defect 2, PLT-11): the admin defines a ticket select
 * field "Tier" (labels in English, Vietnamese and Chinese); agent1 has two tickets with different tiers.
 * The list shows the field as a column with each ticket's value; the filter bar's custom fields popover
 * narrows the list to one tier, the filter lands in the URL and survives a reload, and a saved view keeps
 * it. Captured in English light and Vietnamese dark; the field is switched off at the end, so the other
 * suites' lists and forms stay as they were.
 */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './lib/accounts.ts';
import { newContext } from './lib/browser.ts';
import { expectAbsent, expectColorScheme, expectEqual, expectPath, expectText, expectVisible } from './lib/expect.ts';
import { t } from './lib/i18n.ts';
import { runSuite } from './lib/run.ts';
import { screenshot } from './lib/screenshot.ts';
import { apiCall, apiJson, chooseColorScheme, chooseLanguage, homePath, type MeView, readMe, restorePreferences, signIn } from './lib/ui.ts';

const stamp = Date.now().toString(36);
const key = `tier_${stamp}`;
const labels = { en: `Tier ${stamp}`, vi: `Hạng ${stamp}`, zh: `等级 ${stamp}` };
const gold = `Gold ${stamp}`;
const silver = `Silver ${stamp}`;

const ticketRows = (page: Page) => page.getByRole('row').filter({ hasText: /TCK-\d{6}/ });

await runSuite('ticket-custom-fields-list', async ({ browser, step }) => {
  const adminContext = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const context = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const admin = await adminContext.newPage();
  const page = await context.newPage();
  let def: { id: string; version: number } | null = null;
  let original: Pick<MeView, 'language' | 'colorScheme'> | null = null;
  const numbers = { gold: '', silver: '' };
  try {
    await step('the admin defines a ticket select field; agent1 has a gold and a silver ticket', async () => {
      await signIn(admin, { email: 'admin@demo.test', password: DEMO_PASSWORD, language: 'en' });
      await expectPath(admin, homePath('admin'));
      def = await apiJson(admin, 'POST', '/api/v1/custom-fields', { entity: 'ticket', key, label: labels, type: 'select', options: [gold, silver] });
      await signIn(page, { email: 'agent1@demo.test', password: DEMO_PASSWORD, language: 'en' });
      await expectPath(page, homePath('agent'));
      const me = await readMe(page);
      original = { language: me.language, colorScheme: me.colorScheme };
      const customers = await apiJson<{ items: { id: string }[] }>(page, 'GET', '/api/v1/customers?q=Acme&limit=1');
      for (const tier of ['gold', 'silver'] as const) {
        const ticket = await apiJson<{ number: string }>(page, 'POST', '/api/v1/tickets', {
          title: `Tiered ${tier} ${stamp}`,
          description: `A ${tier} customer asks about leave (${stamp}).`,
          type: 'hr',
          typeFields: { topic: 'Leave' },
          customerId: customers.items[0].id,
          custom: { [key]: tier === 'gold' ? gold : silver },
        });
        numbers[tier] = ticket.number;
      }
    });

    await step('agent1 (English, light) sees the field as a column with each ticket’s value', async () => {
      if (original?.language !== 'en') await chooseLanguage(page, original!.language, 'en');
      await chooseColorScheme(page, 'en', 'light');
      await expectColorScheme(page, 'light');
      await page.getByRole('navigation').getByRole('link', { name: t('en', 'tickets.nav.tickets'), exact: true }).click();
      await expectVisible(page.getByRole('heading', { name: t('en', 'tickets.title'), exact: true }), 'the Tickets title');
      const header = page.getByRole('columnheader', { name: labels.en, exact: true });
      await expectVisible(header, 'the custom field column');
      await expectText(ticketRows(page).filter({ hasText: numbers.gold }), gold, 'the gold ticket’s value in its row');
      await expectText(ticketRows(page).filter({ hasText: numbers.silver }), silver, 'the silver ticket’s value in its row');
      await header.scrollIntoViewIfNeeded();
      await screenshot(page, 'tickets-custom-column-en-light');
    });

    await step('the custom fields popover filters by the field; the URL keeps it through a reload', async () => {
      await page.getByRole('button', { name: t('en', 'tickets.customFields'), exact: true }).click();
      const input = page.getByRole('combobox', { name: labels.en, exact: true });
      await input.click();
      await page.getByRole('option', { name: gold, exact: true }).click();
      await expectVisible(ticketRows(page).filter({ hasText: numbers.gold }), 'the gold ticket in the filtered list');
      await expectAbsent(ticketRows(page).filter({ hasText: numbers.silver }), 'the silver ticket in the filtered list');
      await screenshot(page, 'tickets-custom-filter-en-light');
      await page.keyboard.press('Escape');
      // Every row left has the gold value: the server filtered, not just this page.
      const rows = await ticketRows(page).allInnerTexts();
      expectEqual(rows.every((text) => text.includes(gold)), true, 'every filtered row is gold');
      expectEqual(new URL(page.url()).searchParams.get('custom'), JSON.stringify({ [key]: gold }), 'the custom filter in the URL');
      await page.reload();
      await expectVisible(ticketRows(page).filter({ hasText: numbers.gold }), 'the gold ticket after the reload');
      await expectAbsent(ticketRows(page).filter({ hasText: numbers.silver }), 'the silver ticket after the reload');
    });

    await step('a saved view keeps the custom filter', async () => {
      const viewName = `Gold tier ${stamp}`;
      await page.getByRole('button', { name: t('en', 'tickets.views.save'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: t('en', 'tickets.views.saveTitle') });
      await dialog.getByLabel(new RegExp(`^${t('en', 'tickets.views.name')}( \\*)?$`)).fill(viewName);
      await dialog.getByRole('button', { name: t('en', 'common.save'), exact: true }).click();
      await expectAbsent(dialog, 'the save dialog after saving');
      await page.getByRole('button', { name: t('en', 'tickets.clearFilters'), exact: true }).first().click();
      await expectVisible(ticketRows(page).filter({ hasText: numbers.silver }), 'the silver ticket without filters');
      await page.getByRole('combobox', { name: t('en', 'tickets.views.savedLabel'), exact: true }).click();
      await page.getByRole('option', { name: viewName, exact: true }).click();
      await expectAbsent(ticketRows(page).filter({ hasText: numbers.silver }), 'the silver ticket in the saved view');
      await expectVisible(ticketRows(page).filter({ hasText: numbers.gold }), 'the gold ticket in the saved view');
      expectEqual(new URL(page.url()).searchParams.get('custom'), JSON.stringify({ [key]: gold }), 'the view’s custom filter back in the URL');
    });

    await step('in Vietnamese and dark the column and the filter speak Vietnamese', async () => {
      await chooseLanguage(page, 'en', 'vi');
      await chooseColorScheme(page, 'vi', 'dark');
      await expectColorScheme(page, 'dark');
      const header = page.getByRole('columnheader', { name: labels.vi, exact: true });
      await expectVisible(header, 'the column in Vietnamese');
      await expectVisible(page.getByRole('button', { name: t('vi', 'tickets.customFields'), exact: true }), 'the popover button in Vietnamese');
      await page.getByRole('button', { name: t('vi', 'tickets.customFields'), exact: true }).click();
      await expectVisible(page.getByRole('combobox', { name: labels.vi, exact: true }), 'the filter input in Vietnamese');
      await screenshot(page, 'tickets-custom-filter-vi-dark');
      // A click outside closes the popover (its button kept the focus, so Escape would not reach it).
      await page.getByRole('heading', { name: t('vi', 'tickets.title'), exact: true }).click();
      await expectAbsent(page.getByRole('combobox', { name: labels.vi, exact: true }), 'the closed popover');
      await header.scrollIntoViewIfNeeded();
      await screenshot(page, 'tickets-custom-column-vi-dark');
    });
  } finally {
    if (original) await restorePreferences(page, original).catch((error) => console.error(`restoring preferences failed: ${error}`));
    const d = def as { id: string; version: number } | null;
    if (d) await apiCall(admin, 'PATCH', `/api/v1/custom-fields/${d.id}`, { active: false }, d.version).catch((error) => console.error(`clean-up failed: ${error}`));
    await adminContext.close();
    await context.close();
  }
});
