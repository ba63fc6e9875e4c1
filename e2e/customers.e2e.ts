/**
 * A salesperson's customer work: sales1 creates a company customer, a second one with the same
 * phone is refused with the first one named (and a link to it), a call is logged with a follow-up
 * date, and the call shows on the customer's 360° timeline while the next contact date moves.
 * The header search finds the customer by a fragment of its phone; the pages are captured in
 * English light and Vietnamese dark.
 */
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './lib/accounts.ts';
import { newContext } from './lib/browser.ts';
import { expectAbsent, expectColorScheme, expectEqual, expectFieldError, expectPath, expectText, expectTrue, expectValue, expectVisible } from './lib/expect.ts';
import { t } from './lib/i18n.ts';
import { runSuite } from './lib/run.ts';
import { screenshot } from './lib/screenshot.ts';
import { chooseColorScheme, chooseLanguage, type MeView, readMe, restorePreferences, signIn } from './lib/ui.ts';

const stamp = Date.now().toString(36);
// A Vietnamese mobile number (091…) no demo customer has (they are +8490…); typed the national way.
const digits = String(Date.now() % 1_000_000).padStart(6, '0');
const phone = `0912 ${digits.slice(0, 3)} ${digits.slice(3)}`;
const e164 = `+84912${digits}`;
const company = `E2E Trading ${stamp}`;
const copycat = `E2E Copycat ${stamp}`;
const call = `Discovery call ${stamp}`;
const meeting = `Kick-off meeting ${stamp}`;

const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}( \\*)?$`));
const toast = (page: Page, text: string) => page.locator('.mantine-Notification-root').filter({ hasText: text });

/** A long list was just rendered: wait until the browser has painted it, then capture. */
async function paintedScreenshot(page: Page, name: string) {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await screenshot(page, name);
}

async function typeInto(input: Locator, text: string) {
  await input.click();
  await input.fill('');
  await input.pressSequentially(text);
}

/** Fills the New customer dialog for a company and presses Create. */
async function createCompany(page: Page, name: string) {
  await page.getByRole('button', { name: t('en', 'customers.create'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: t('en', 'customers.createTitle') });
  await expectVisible(dialog, 'the New customer dialog');
  await typeInto(field(dialog, t('en', 'customers.fields.companyName')), name);
  await typeInto(field(dialog, t('en', 'customers.fields.phone')), phone);
  await dialog.getByRole('button', { name: t('en', 'common.create'), exact: true }).click();
  return dialog;
}

/** datetime-local value N days from now at 10:00 (the browser's time zone). */
function daysAhead(n: number) {
  const d = new Date(Date.now() + n * 86_400_000);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}

await runSuite('customers', async ({ browser, step }) => {
  const context = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const page = await context.newPage();
  let original: Pick<MeView, 'language' | 'colorScheme'> | null = null;
  let restored = false;
  let number = '';
  try {
    await step('sales1@demo.test signs in and opens Customers', async () => {
      await signIn(page, { email: 'sales1@demo.test', password: DEMO_PASSWORD, language: 'en' });
      await expectPath(page, '/');
      const me = await readMe(page);
      original = { language: me.language, colorScheme: me.colorScheme };
      await page.getByRole('navigation').getByRole('link', { name: t('en', 'customers.nav.customers'), exact: true }).click();
      await expectPath(page, '/customers');
      await expectVisible(page.getByRole('heading', { name: t('en', 'customers.title'), exact: true }), 'the Customers title');
      // sales1 sees customers (their own and their team's): at least one row with a customer number.
      await expectVisible(page.getByRole('row').filter({ hasText: /CUST-\d{4}-\d{6}/ }).first(), 'a customer row');
      await expectColorScheme(page, 'light');
      await screenshot(page, 'customers-list-en-light');
    });

    await step('filter by status and save the filter as a segment, then pick it again', async () => {
      const segmentName = `Leads ${stamp}`;
      await page.getByRole('combobox', { name: t('en', 'customers.fields.status'), exact: true }).click();
      await page.getByRole('option', { name: t('en', 'customers.status.LEAD'), exact: true }).click();
      await page.keyboard.press('Escape');
      const rows = page.getByRole('row').filter({ hasText: /CUST-\d{4}-\d{6}/ });
      await expectVisible(rows.first(), 'a lead row');
      // Every row shown is a lead now.
      await expectAbsent(rows.filter({ has: page.getByText(t('en', 'customers.status.CUSTOMER'), { exact: true }) }), 'a non-lead row');
      await page.getByRole('button', { name: t('en', 'customers.segments.save'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: t('en', 'customers.segments.saveTitle') });
      await typeInto(field(dialog, t('en', 'customers.segments.name')), segmentName);
      await dialog.getByRole('button', { name: t('en', 'common.save'), exact: true }).click();
      await expectVisible(toast(page, t('en', 'customers.segments.saved', { name: segmentName })), 'the "segment saved" toast');
      await page.getByRole('button', { name: t('en', 'customers.clearFilters'), exact: true }).first().click();
      await expectVisible(rows.filter({ has: page.getByText(t('en', 'customers.status.CUSTOMER'), { exact: true }) }).first(), 'a customer row without the filter');
      await page.getByRole('combobox', { name: t('en', 'customers.segments.label'), exact: true }).click();
      await page.getByRole('option', { name: segmentName, exact: true }).click();
      await expectAbsent(rows.filter({ has: page.getByText(t('en', 'customers.status.CUSTOMER'), { exact: true }) }), 'a non-lead row in the segment');
      await screenshot(page, 'customers-segment-en-light');
      // The custom field filters: Tier = gold narrows the segment's leads further.
      await page.getByRole('button', { name: t('en', 'customers.filters.more'), exact: true }).click();
      await page.getByRole('combobox', { name: 'Tier', exact: true }).click();
      await page.getByRole('option', { name: 'gold', exact: true }).click();
      await screenshot(page, 'customers-custom-filter-en-light');
      await page.keyboard.press('Escape');
      await expectVisible(rows.first(), 'a gold lead');
      await page.getByRole('button', { name: t('en', 'customers.clearFilters'), exact: true }).first().click();
    });

    await step(`create the company ${company}`, async () => {
      const dialog = await createCompany(page, company);
      await expectAbsent(dialog, 'the dialog after creating');
      await expectVisible(toast(page, t('en', 'customers.created', { name: company })), 'the "created" toast');
      await expectPath(page, /^\/customers\/CUST-\d{4}-\d{6}$/);
      await expectVisible(page.getByRole('heading', { name: company, exact: true }), 'the new customer page');
      number = new URL(page.url()).pathname.split('/').pop()!;
      await expectText(page.locator('main'), e164, 'the phone stored in E.164');
    });

    await step('a second company with the same phone is refused, naming the first', async () => {
      await page.goto('/customers');
      const dialog = await createCompany(page, copycat);
      const alert = dialog.getByRole('alert').filter({ hasText: t('en', 'customers.duplicate.title') });
      await expectText(alert, t('en', 'customers.duplicate.message', { number, name: company }), 'the duplicate message');
      await expectFieldError(field(dialog, t('en', 'customers.fields.phone')), t('en', 'customers.duplicate.field', { number, name: company }), 'the phone input');
      await screenshot(page, 'customers-duplicate-en-light');
      await alert.getByRole('link', { name: t('en', 'customers.duplicate.open', { number }), exact: true }).click();
      await expectPath(page, `/customers/${number}`);
      await expectVisible(page.getByRole('heading', { name: company, exact: true }), 'the existing customer, opened from the message');
    });

    await step('log a call with a follow-up date', async () => {
      await page.getByRole('button', { name: t('en', 'activities.log'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: t('en', 'activities.logFor', { name: company }) });
      await expectVisible(dialog, 'the Log activity dialog');
      await typeInto(field(dialog, t('en', 'activities.fields.subject')), call);
      await field(dialog, t('en', 'activities.fields.outcome')).fill('Interested in a demo');
      await field(dialog, t('en', 'activities.fields.followUpAt')).fill(daysAhead(3));
      await dialog.getByRole('button', { name: t('en', 'activities.logSubmit'), exact: true }).click();
      await expectAbsent(dialog, 'the dialog after logging');
      await expectVisible(toast(page, t('en', 'activities.logged', { subject: call })), 'the "saved" toast');
    });

    await step("the call is on the 360° timeline, newest first, and the next contact moved", async () => {
      const timeline = page.getByLabel(t('en', 'customers.tabs.timeline'), { exact: true });
      await expectText(timeline, call, 'the timeline');
      await expectText(timeline, t('en', 'customers.history.created'), 'the "customer created" entry');
      // Newest first: the call comes before the customer's creation.
      const entries = await timeline.locator('.mantine-Timeline-item').allInnerTexts();
      const callAt = entries.findIndex((e) => e.includes(call));
      const createdAt = entries.findIndex((e) => e.includes(t('en', 'customers.history.created')));
      expectTrue(callAt >= 0 && callAt < createdAt, `the call (entry ${callAt}) above "customer created" (entry ${createdAt}) in ${JSON.stringify(entries)}`);
      const next = page.getByText(t('en', 'customers.fields.nextContact'), { exact: true }).locator('xpath=following-sibling::*[1]');
      const expected = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(daysAhead(3)));
      await expectText(next, expected, 'the next contact date');
      await screenshot(page, 'customer-360-en-light');
    });

    await step('the header search finds the customer by a phone fragment', async () => {
      await page.goto('/');
      const search = page.getByRole('combobox', { name: t('en', 'search.label'), exact: true });
      await typeInto(search, digits);
      const option = page.getByRole('option').filter({ hasText: company });
      await expectVisible(option, 'the customer among the search results');
      await option.click();
      await expectPath(page, `/customers/${number}`);
      // Accents and case do not matter: "pham binh" finds "Phạm Bình" (a customer of sales1's team).
      await typeInto(search, 'pham binh');
      await expectVisible(page.getByRole('option').filter({ hasText: 'Phạm Bình' }).first(), '"Phạm Bình" among the results for "pham binh"');
      await page.keyboard.press('Escape');
      await search.fill('');
    });

    await step("a customer's tickets are on its 360° page: a tab, the timeline, a link to each ticket", async () => {
      // A demo ticket that sales1 can see, and its customer.
      const ticket = await page.evaluate(async () => {
        const body = await (await fetch('/api/v1/tickets?limit=1')).json();
        return body.items[0] as { number: string; title: string; customer: { number: string } };
      });
      await page.goto(`/customers/${ticket.customer.number}`);
      const tab = page.getByRole('tab', { name: /^Tickets \(\d+\)$/ });
      await expectVisible(tab, 'the Tickets tab');
      const timeline = page.getByLabel(t('en', 'customers.tabs.timeline'), { exact: true });
      await expectText(timeline, t('en', 'customers.timeline.ticket', { title: `${ticket.number} ${ticket.title}` }), 'the ticket on the timeline');
      await tab.click();
      const link = page.getByRole('link', { name: ticket.title, exact: true }).first();
      await expectVisible(link, 'the ticket in the Tickets tab');
      await screenshot(page, 'customer-360-tickets-en-light');
      await link.click();
      await expectPath(page, `/tickets/${ticket.number}`);
      await page.goto(`/customers/${number}`);
    });

    await step('plan a meeting, then complete it with a follow-up: the next contact follows', async () => {
      await page.getByRole('button', { name: t('en', 'activities.log'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: t('en', 'activities.logFor', { name: company }) });
      await field(dialog, t('en', 'activities.fields.type')).click();
      await page.getByRole('option', { name: t('en', 'activities.type.MEETING'), exact: true }).click();
      await expectValue(field(dialog, t('en', 'activities.fields.status')), t('en', 'activities.status.PLANNED'), 'the status of a meeting');
      await typeInto(field(dialog, t('en', 'activities.fields.subject')), meeting);
      await dialog.getByRole('button', { name: t('en', 'activities.planSubmit'), exact: true }).click();
      await expectAbsent(dialog, 'the dialog after planning');
      await page.getByRole('tab', { name: /^Activities \(\d+\)$/ }).click();
      await page.getByRole('button', { name: `${t('en', 'activities.complete')}: ${meeting}`, exact: true }).click();
      const complete = page.getByRole('dialog', { name: t('en', 'activities.completeTitle', { subject: meeting }) });
      await field(complete, t('en', 'activities.fields.outcome')).fill('Agreed on a pilot');
      await field(complete, t('en', 'activities.fields.followUpAt')).fill(daysAhead(7));
      await complete.getByRole('button', { name: t('en', 'activities.complete'), exact: true }).click();
      await expectAbsent(complete, 'the Complete dialog after completing');
      await expectVisible(toast(page, t('en', 'activities.completed', { subject: meeting })), 'the "completed" toast');
      const next = page.getByText(t('en', 'customers.fields.nextContact'), { exact: true }).locator('xpath=following-sibling::*[1]');
      const expected = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(daysAhead(7)));
      await expectText(next, expected, 'the next contact date after completing');
    });

    await step('edit the customer: an address and the Tier custom field', async () => {
      await page.getByRole('button', { name: t('en', 'common.edit'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: t('en', 'customers.editTitle', { name: company }) });
      await expectVisible(dialog, 'the Edit dialog');
      await dialog.getByRole('button', { name: t('en', 'customers.addresses.add'), exact: true }).click();
      await typeInto(field(dialog, t('en', 'customers.addresses.street')), '12 Tràng Tiền');
      await typeInto(field(dialog, t('en', 'customers.addresses.city')), 'Hà Nội');
      await field(dialog, 'Tier').click();
      await page.getByRole('option', { name: 'gold', exact: true }).click();
      await dialog.getByRole('button', { name: t('en', 'common.save'), exact: true }).click();
      await expectAbsent(dialog, 'the Edit dialog after saving');
      await expectVisible(toast(page, t('en', 'customers.saved', { name: company })), 'the "saved" toast');
      await expectVisible(page.getByText('12 Tràng Tiền, Hà Nội', { exact: true }), 'the new primary address');
      await expectText(page.getByText('Tier', { exact: true }).locator('xpath=following-sibling::*[1]'), 'gold', 'the Tier value');
    });

    await step('bill the customer: an invoice of 1,000, a payment of 400, the rest owed', async () => {
      await page.getByRole('tab', { name: new RegExp(`^${t('en', 'customers.tabs.invoices', { n: 0 }).split(' (')[0]}`) }).click();
      await page.getByRole('button', { name: t('en', 'billing.newInvoice'), exact: true }).click();
      const create = page.getByRole('dialog', { name: t('en', 'billing.newInvoice') });
      await typeInto(field(create, t('en', 'billing.fields.amount')), '1000');
      await create.getByRole('button', { name: t('en', 'billing.addInvoice'), exact: true }).click();
      await expectAbsent(create, 'the new-invoice dialog after saving');
      const row = page.getByRole('row').filter({ hasText: t('en', 'billing.invoiceStatus.ISSUED') });
      await row.getByRole('button', { name: t('en', 'billing.recordPayment'), exact: true }).click();
      const payment = page.getByRole('dialog').filter({ hasText: t('en', 'billing.fields.method') });
      await expectValue(field(payment, t('en', 'billing.fields.paymentAmount', { currency: 'VND' })), '1000.00', 'the amount prefilled with what is owed');
      await typeInto(field(payment, t('en', 'billing.fields.paymentAmount', { currency: 'VND' })), '1200');
      await payment.getByRole('button', { name: t('en', 'billing.recordPayment'), exact: true }).click();
      await expectFieldError(field(payment, t('en', 'billing.fields.paymentAmount', { currency: 'VND' })), 'At most 1000.00.', 'an overpayment refused on the amount');
      await typeInto(field(payment, t('en', 'billing.fields.paymentAmount', { currency: 'VND' })), '400');
      await payment.getByRole('button', { name: t('en', 'billing.recordPayment'), exact: true }).click();
      await expectAbsent(payment, 'the payment dialog after saving');
      await expectVisible(page.getByRole('row').filter({ hasText: t('en', 'billing.invoiceStatus.PARTIALLY_PAID') }), 'the invoice, now partly paid');
      await paintedScreenshot(page, 'customer-invoices-en-light');
      await page.getByRole('tab', { name: new RegExp(`^${t('en', 'customers.tabs.timeline')}`) }).click();
    });

    await step('convert the lead into a customer from its list row', async () => {
      await page.getByRole('navigation').getByRole('link', { name: t('en', 'customers.nav.customers'), exact: true }).click();
      await typeInto(page.getByRole('textbox', { name: t('en', 'common.search'), exact: true }), company);
      const row = page.getByRole('row').filter({ hasText: number });
      await expectText(row, t('en', 'customers.status.LEAD'), 'the new customer row');
      await row.getByRole('button', { name: `${t('en', 'customers.convert')}: ${company}`, exact: true }).click();
      const confirm = page.getByRole('dialog', { name: t('en', 'customers.convert') });
      await expectText(confirm, t('en', 'customers.convertConfirm', { name: company }), 'the convert confirmation');
      await confirm.getByRole('button', { name: t('en', 'customers.convert'), exact: true }).click();
      await expectVisible(toast(page, t('en', 'customers.converted', { name: company })), 'the "converted" toast');
      await expectVisible(row.getByText(t('en', 'customers.status.CUSTOMER'), { exact: true }), 'the CUSTOMER status in the row');
    });

    await step("My day lists today's call and meeting", async () => {
      await page.getByRole('navigation').getByRole('link', { name: t('en', 'activities.nav.myDay'), exact: true }).click();
      await expectPath(page, '/activities');
      await expectVisible(page.getByText(call, { exact: true }), 'the call in My day');
      await expectVisible(page.getByText(meeting, { exact: true }), 'the meeting in My day');
      await paintedScreenshot(page, 'my-day-en-light');
      await page.locator('.mantine-SegmentedControl-root').getByText(t('en', 'activities.calendar'), { exact: true }).click();
      // Today is selected: its whole list is under the month grid.
      await expectVisible(page.getByText(meeting, { exact: true }), "the meeting in today's list under the calendar");
      await paintedScreenshot(page, 'calendar-en-light');
      await page.goto(`/customers/${number}`);
    });

    await step('the customer page, the list and My day in Vietnamese, dark; the customer in Chinese', async () => {
      await chooseLanguage(page, 'en', 'vi');
      await chooseColorScheme(page, 'vi', 'dark');
      await expectColorScheme(page, 'dark');
      await expectVisible(page.getByRole('tab', { name: t('vi', 'customers.tabs.timeline'), exact: true }), 'the Timeline tab in Vietnamese');
      await screenshot(page, 'customer-360-vi-dark');
      await page.getByRole('navigation').getByRole('link', { name: t('vi', 'customers.nav.customers'), exact: true }).click();
      await expectVisible(page.getByRole('row').filter({ hasText: company }), 'the new customer in the list');
      await screenshot(page, 'customers-list-vi-dark');
      await page.getByRole('navigation').getByRole('link', { name: t('vi', 'activities.nav.myDay'), exact: true }).click();
      await expectVisible(page.getByRole('heading', { name: t('vi', 'activities.title'), exact: true }), 'My day in Vietnamese');
      await expectVisible(page.getByText(call, { exact: true }), 'the call in My day');
      await paintedScreenshot(page, 'my-day-vi-dark');
      await chooseLanguage(page, 'vi', 'zh');
      await chooseColorScheme(page, 'zh', 'light');
      await page.goto(`/customers/${number}`);
      await expectVisible(page.getByRole('tab', { name: t('zh', 'customers.tabs.timeline'), exact: true }), 'the Timeline tab in Chinese');
      await screenshot(page, 'customer-360-zh-light');
      await chooseLanguage(page, 'zh', original!.language);
      await chooseColorScheme(page, original!.language, original!.colorScheme);
      const me = await readMe(page);
      expectEqual({ language: me.language, colorScheme: me.colorScheme }, original, "sales1's restored preferences");
      restored = true;
    });

    await step('on a phone the search sits behind an icon and opens the customer', async () => {
      const phoneContext = await newContext(browser, { locale: 'en-US', colorScheme: 'light', viewport: { width: 390, height: 844 } });
      try {
        const mobile = await phoneContext.newPage();
        await signIn(mobile, { email: 'sales1@demo.test', password: DEMO_PASSWORD, language: 'en' });
        await expectPath(mobile, '/');
        await mobile.getByRole('button', { name: t('en', 'search.label'), exact: true }).click();
        const dialog = mobile.getByRole('dialog', { name: t('en', 'search.label') });
        await typeInto(dialog.getByRole('combobox', { name: t('en', 'search.label'), exact: true }), number);
        const option = mobile.getByRole('option').filter({ hasText: company });
        await expectVisible(option, 'the customer found by its number');
        await screenshot(mobile, 'search-mobile-en-light');
        await option.click();
        await expectPath(mobile, `/customers/${number}`);
        await expectAbsent(dialog, 'the search dialog after picking');
        await expectVisible(mobile.getByRole('heading', { name: company, exact: true }), 'the customer page on a phone');
        await screenshot(mobile, 'customer-360-mobile-en-light');
      } finally {
        await phoneContext.close();
      }
    });

    await step('admin defines a custom field: it becomes a column of the customer list', async () => {
      const adminContext = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
      try {
        const admin = await adminContext.newPage();
        await signIn(admin, { email: 'admin@demo.test', password: DEMO_PASSWORD, language: 'en' });
        await expectPath(admin, '/');
        await admin.getByRole('navigation').getByRole('link', { name: t('en', 'customFields.nav'), exact: true }).click();
        await expectPath(admin, '/admin/custom-fields');
        await expectVisible(admin.getByRole('row').filter({ hasText: 'renewal_date' }), 'the seeded Renewal date field');
        await admin.getByRole('button', { name: t('en', 'customFields.create'), exact: true }).click();
        const dialog = admin.getByRole('dialog', { name: t('en', 'customFields.createTitle') });
        await typeInto(field(dialog, t('en', 'customFields.key')), `e2e_${stamp}`);
        await typeInto(field(dialog, t('en', 'customFields.labelIn', { language: 'English' })), `Region ${stamp}`);
        await dialog.getByRole('button', { name: t('en', 'common.create'), exact: true }).click();
        await expectAbsent(dialog, 'the field dialog after creating');
        await expectVisible(admin.getByRole('row').filter({ hasText: `e2e_${stamp}` }), 'the new field row');
        await screenshot(admin, 'custom-fields-en-light');
        await admin.getByRole('navigation').getByRole('link', { name: t('en', 'customers.nav.customers'), exact: true }).click();
        await expectVisible(admin.getByRole('columnheader', { name: `Region ${stamp}`, exact: true }), 'the new custom field column');
      } finally {
        await adminContext.close();
      }
    });
  } finally {
    if (original && !restored) await restorePreferences(page, original).catch((error) => console.error(`clean-up failed: ${error}`));
    await context.close();
  }
});
