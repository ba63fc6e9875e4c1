/**
 * An activity's page, where a reminder links to (/activities/<id>): sales1 plans a call about one of
 * their customers, opens its page as the reminder would, completes it there; a made-up id shows the
 * not-found state. On a ticket of that customer, the Activities tab logs a call linked to the ticket,
 * which then links back to it. The page is captured in English light and dark.
 */
import { DEMO_PASSWORD } from './lib/accounts.ts';
import { newContext } from './lib/browser.ts';
import { expectAbsent, expectColorScheme, expectPath, expectTrue, expectVisible } from './lib/expect.ts';
import { t } from './lib/i18n.ts';
import { runSuite } from './lib/run.ts';
import { screenshot } from './lib/screenshot.ts';
import { apiCall, chooseColorScheme, type MeView, readMe, restorePreferences, signIn } from './lib/ui.ts';

const stamp = Date.now().toString(36);
const planned = `Quarterly check-in ${stamp}`;
const aboutTicket = `Called about the outage ${stamp}`;

await runSuite('activities', async ({ browser, step }) => {
  const context = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const page = await context.newPage();
  let original: Pick<MeView, 'language' | 'colorScheme'> | null = null;
  let activityId = '';
  let customer: { id: string; number: string; name: string } | null = null;
  try {
    await step('sales1@demo.test signs in and plans a call about one of their customers', async () => {
      await signIn(page, { email: 'sales1@demo.test', password: DEMO_PASSWORD, language: 'en' });
      await expectPath(page, '/');
      const me = await readMe(page);
      original = { language: me.language, colorScheme: me.colorScheme };
      const customers = await apiCall(page, 'GET', '/api/v1/customers?limit=1');
      customer = customers.body.items[0];
      expectTrue(customer, 'sales1 sees at least one customer');
      const startAt = new Date(Date.now() + 10 * 60_000).toISOString();
      const created = await apiCall(page, 'POST', '/api/v1/activities', { type: 'CALL', subject: planned, description: 'Ask about the renewal.', customerId: customer!.id, startAt, durationMinutes: 30 });
      expectTrue(created.status === 201, `POST /activities answered ${created.status}`);
      activityId = created.body.id;
    });

    await step('the reminder link /activities/<id> opens the activity', async () => {
      await page.goto(`/activities/${activityId}`);
      await expectVisible(page.getByRole('heading', { name: planned, exact: true }), 'the activity subject');
      const main = page.locator('main');
      await expectVisible(main.getByText(t('en', 'activities.status.PLANNED'), { exact: true }), 'the Planned status');
      await expectVisible(main.getByRole('link', { name: `${customer!.name} (${customer!.number})`, exact: true }), 'the customer link');
      await expectVisible(main.getByText('Ask about the renewal.', { exact: true }), 'the description');
      await expectColorScheme(page, 'light');
      await screenshot(page, 'activity-page-en-light');
    });

    await step('complete it from its page', async () => {
      await page.getByRole('button', { name: t('en', 'activities.complete'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: t('en', 'activities.completeTitle', { subject: planned }) });
      await expectVisible(dialog, 'the Complete dialog');
      await dialog.getByLabel(t('en', 'activities.fields.outcome'), { exact: true }).fill('Renewal agreed');
      await dialog.getByRole('button', { name: t('en', 'activities.complete'), exact: true }).click();
      await expectAbsent(dialog, 'the Complete dialog after completing');
      const main = page.locator('main');
      await expectVisible(main.getByText(t('en', 'activities.status.COMPLETED'), { exact: true }), 'the Completed status');
      await expectVisible(main.getByText('Renewal agreed', { exact: true }), 'the outcome');
      await expectAbsent(main.getByRole('button', { name: t('en', 'activities.complete'), exact: true }), 'the Complete button of a completed activity');
    });

    await step('the page in dark mode', async () => {
      await chooseColorScheme(page, 'en', 'dark');
      await expectColorScheme(page, 'dark');
      await screenshot(page, 'activity-page-en-dark');
      await chooseColorScheme(page, 'en', 'light');
      await expectColorScheme(page, 'light');
    });

    await step('a made-up activity id shows the not-found state', async () => {
      await page.goto('/activities/00000000-0000-4000-8000-00000000abcd');
      await expectVisible(page.getByRole('heading', { name: t('en', 'activities.notFound'), exact: true }), 'the not-found state');
      await expectVisible(page.getByRole('link', { name: t('en', 'activities.backToMyDay'), exact: true }), 'the way back to My day');
    });

    await step('a ticket of that customer: log a call in its Activities tab, linked to the ticket', async () => {
      const ticket = await apiCall(page, 'POST', '/api/v1/tickets', { title: `Outage ${stamp}`, description: 'No internet since noon.', type: 'hr', typeFields: { topic: 'Leave' }, customerId: customer!.id });
      expectTrue(ticket.status === 201, `POST /tickets answered ${ticket.status}`);
      await page.goto(`/tickets/${ticket.body.number}`);
      await page.getByRole('tab', { name: t('en', 'activities.ofTicket'), exact: true }).click();
      await expectVisible(page.getByText(t('en', 'activities.emptyTicket'), { exact: true }), 'no activities yet');
      await page.getByRole('button', { name: t('en', 'activities.log'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: t('en', 'activities.logForTicket', { number: ticket.body.number }) });
      await expectVisible(dialog, 'the Log activity dialog of the ticket');
      await dialog.getByLabel(new RegExp(`^${t('en', 'activities.fields.subject')}( \\*)?$`)).fill(aboutTicket);
      await dialog.getByRole('button', { name: t('en', 'activities.logSubmit'), exact: true }).click();
      await expectAbsent(dialog, 'the dialog after logging');
      const link = page.getByRole('link', { name: aboutTicket, exact: true });
      await expectVisible(link, 'the call in the ticket’s activities');
      await screenshot(page, 'ticket-activities-en-light');
      await link.click();
      await expectPath(page, /^\/activities\/[0-9a-f-]{36}$/);
      await expectVisible(page.getByRole('link', { name: `${customer!.name} (${customer!.number})`, exact: true }), 'the ticket’s customer on the activity');
      await page.getByRole('link', { name: t('en', 'activities.openTicket'), exact: true }).click();
      await expectPath(page, `/tickets/${ticket.body.number}`);
    });
  } finally {
    if (original) await restorePreferences(page, original).catch((error) => console.error(`clean-up failed: ${error}`));
    await context.close();
  }
});
