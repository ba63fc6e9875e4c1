/**
 * The client portal's DONE flow (TKT-13): client1 opens a Programming ticket with its required
 * "System" field and a screenshot attached; agent1 opens it by number in the staff workspace, writes
 * an internal note and a public reply and resolves it — the client's open page follows live, shows
 * the reply and never the note; the client rates it 5 with a comment. client2 (another customer)
 * opening the same address gets the not-found page. Captured in English light and Vietnamese dark.
 */
import type { Locator, Page } from 'playwright-core';
import { encodePng } from '../server/src/platform/files/png.ts';
import { DEMO_PASSWORD } from './lib/accounts.ts';
import { newContext } from './lib/browser.ts';
import { expectAbsent, expectColorScheme, expectEqual, expectFieldError, expectPath, expectText, expectTrue, expectVisible } from './lib/expect.ts';
import { t } from './lib/i18n.ts';
import { runSuite } from './lib/run.ts';
import { screenshot } from './lib/screenshot.ts';
import { chooseColorScheme, chooseLanguage, type MeView, readMe, restorePreferences, signIn } from './lib/ui.ts';

const stamp = Date.now().toString(36);
const title = `Checkout freezes ${stamp}`;
const description = `After pressing **Pay** the page stops responding (${stamp}).`;
const steps = `Open the cart, press Pay, wait ${stamp}`;
const note = `secret-note-${stamp}: customer is on the old plan`;
const reply = `Fixed in release 4.2 (${stamp}), please try again.`;
const comment = `Quick and clear, thank you ${stamp}`;
const imageName = `screen-${stamp}.png`;
const problem = `Invoices print blank ${stamp}`;

/** A real 64×64 PNG, so the server types it as an image and the browser decodes it. */
const png = () => encodePng(64, 64, (x, y) => ((x + y) % 2 ? [220, 40, 40] : [40, 90, 220]));

const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[()?]/g, '\\$&')}( \\*)?$`));
const toast = (page: Page, text: string) => page.locator('.mantine-Notification-root').filter({ hasText: text });

async function typeInto(input: Locator, text: string) {
  await input.click();
  await input.fill('');
  await input.pressSequentially(text);
}

/** The note must not reach the client's browser at all: not shown, and not anywhere in the DOM. */
async function expectNoNote(page: Page, where: string) {
  await expectAbsent(page.getByText(note), `the internal note on ${where}`);
  const html = await page.content();
  expectTrue(!html.includes(note) && !html.includes(`secret-note-${stamp}`), `the internal note's text is in the DOM of ${where}`);
}

await runSuite('tickets-portal', async ({ browser, step }) => {
  const clientContext = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const agentContext = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const client = await clientContext.newPage();
  const agent = await agentContext.newPage();
  let original: Pick<MeView, 'language' | 'colorScheme'> | null = null;
  let restored = false;
  let number = '';
  try {
    await step('client1@demo.test signs in: the portal home with its open tickets and the three cards', async () => {
      await signIn(client, { email: 'client1@demo.test', password: DEMO_PASSWORD, language: 'en' });
      await expectPath(client, '/portal');
      const me = await readMe(client);
      original = { language: me.language, colorScheme: me.colorScheme };
      if (me.colorScheme !== 'light') await chooseColorScheme(client, 'en', 'light');
      await expectColorScheme(client, 'light');
      for (const card of ['home.newTicket', 'home.reportProblem', 'home.feedback']) {
        await expectVisible(client.getByRole('link', { name: t('en', `portalTickets.${card}`), exact: true }), `the "${t('en', `portalTickets.${card}`)}" card`);
      }
      await expectVisible(client.getByRole('row').filter({ hasText: /TCK-\d{6}/ }).first(), 'an open ticket of client1');
      await screenshot(client, 'portal-home-en-light');
    });

    await step('a Programming ticket: its required System field, then an image attached', async () => {
      await client.getByRole('link', { name: t('en', 'portalTickets.home.newTicket'), exact: true }).click();
      await expectPath(client, '/portal/tickets/new');
      // The portal's own forms' types are not offered in the picker (contract item 8).
      await expectAbsent(client.getByRole('radio', { name: 'Problem report' }), 'the Problem report type in the picker');
      await client.getByRole('radio', { name: 'Programming', exact: true }).click();
      await expectVisible(client.getByRole('heading', { name: t('en', 'portalTickets.newTicket.formTitle', { type: 'Programming' }), exact: true }), 'the Programming form');
      await typeInto(field(client, t('en', 'tickets.fields.description')), description);
      await client.getByRole('combobox', { name: 'System', exact: true }).click();
      await client.getByRole('option', { name: 'CRM', exact: true }).click();
      await typeInto(field(client, 'Steps to reproduce'), steps);
      await client.locator('input[type="file"]').setInputFiles({ name: imageName, mimeType: 'image/png', buffer: png() });
      await client.getByRole('button', { name: t('en', 'portalTickets.form.submit'), exact: true }).click();
      // Title left empty: refused on the Title input, nothing created.
      await expectFieldError(field(client, t('en', 'tickets.fields.title')), t('en', 'validation.required'), 'the Title input');
      await expectPath(client, '/portal/tickets/new');
      await typeInto(field(client, t('en', 'tickets.fields.title')), title);
      await expectText(client.locator('form'), `${title.length} / 100`, 'the title counter');
      await screenshot(client, 'portal-new-ticket-en-light');
      await client.getByRole('button', { name: t('en', 'portalTickets.form.submit'), exact: true }).click();
      await expectPath(client, /^\/portal\/tickets\/TCK-\d{6,}$/);
      number = new URL(client.url()).pathname.split('/').pop()!;
      await expectVisible(toast(client, t('en', 'tickets.created', { number })), 'the "ticket created" toast');
      await expectVisible(client.getByRole('heading', { name: title, exact: true }), 'the new ticket page');
      // The description is rendered Markdown: **Pay** arrives as <strong>, not as asterisks.
      await expectVisible(client.locator('[role="log"] strong').filter({ hasText: 'Pay' }), 'the bold word of the description');
      const details = client.getByRole('region', { name: t('en', 'portalTickets.ticket.details') });
      await expectText(details, 'CRM', 'the System field on the ticket');
      await expectText(details, 'client1@demo.test', 'the copied contact e-mail');
      const image = client.getByRole('img', { name: imageName, exact: true });
      await expectVisible(image, 'the inline preview of the uploaded PNG');
      await client.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth === 64, await image.elementHandle());
      await screenshot(client, 'portal-ticket-created-en-light');
    });

    await step('the ticket list finds it by its number', async () => {
      await client.getByRole('link', { name: t('en', 'portalTickets.ticket.back') }).click();
      await expectPath(client, '/portal/tickets');
      await typeInto(client.getByRole('textbox', { name: t('en', 'portalTickets.list.search'), exact: true }), number);
      const row = client.getByRole('row').filter({ hasText: number });
      await expectText(row, title, 'the row of the new ticket');
      await expectText(row, t('en', 'tickets.status.new'), 'its status');
      await expectAbsent(client.getByRole('row').filter({ hasText: /TCK-\d{6}/ }).filter({ hasNotText: number }), 'rows of other tickets once searched by the number');
      await screenshot(client, 'portal-tickets-en-light');
      await row.getByRole('link', { name: title, exact: true }).click();
      await expectPath(client, `/portal/tickets/${number}`);
      await expectVisible(client.getByRole('img', { name: imageName, exact: true }), 'the preview after opening it again');
    });

    await step('agent1 opens it by number: an internal note, a public reply, then resolved', async () => {
      await signIn(agent, { email: 'agent1@demo.test', password: DEMO_PASSWORD, language: 'en' });
      await expectPath(agent, '/');
      // agent1 works in Bulgarian (their saved language).
      await agent.goto(`/tickets/${number}`);
      await expectVisible(agent.getByRole('heading', { name: title, exact: true }), 'the ticket in the staff workspace');
      await expectVisible(agent.getByRole('img', { name: imageName }), "the client's image among the messages");

      await agent.locator('.mantine-SegmentedControl-root').getByText(t('bg', 'tickets.composer.note'), { exact: true }).click();
      await typeInto(agent.getByRole('textbox', { name: t('bg', 'tickets.composer.noteLabel'), exact: true }), note);
      await agent.getByRole('button', { name: t('bg', 'tickets.composer.addNote'), exact: true }).click();
      await expectVisible(toast(agent, t('bg', 'tickets.composer.noteAdded')), 'the "note added" toast');
      await expectVisible(agent.getByText(note), 'the note in the staff conversation');

      await agent.locator('.mantine-SegmentedControl-root').getByText(t('bg', 'tickets.composer.reply'), { exact: true }).click();
      await typeInto(agent.getByRole('textbox', { name: t('bg', 'tickets.composer.replyLabel'), exact: true }), reply);
      await agent.getByRole('button', { name: t('bg', 'tickets.composer.send'), exact: true }).click();
      await expectVisible(toast(agent, t('bg', 'tickets.composer.replySent')), 'the "reply sent" toast');

      // The client's page is still open: the reply arrives through the socket, the note never does.
      await expectVisible(client.getByText(reply, { exact: true }), "the agent's reply on the client's open page");
      await expectNoNote(client, "the client's open page");

      const status = agent.getByRole('combobox', { name: t('bg', 'tickets.fields.status'), exact: true });
      for (const next of ['in_progress', 'resolved'] as const) {
        await status.click();
        await agent.getByRole('option', { name: t('bg', 'tickets.moveTo', { status: t('bg', `tickets.status.${next}`) }), exact: true }).click();
        await expectVisible(agent.locator('.mantine-Badge-root').filter({ hasText: t('bg', `tickets.status.${next}`) }).first(), `the ${next} badge on the staff page`);
      }
      await screenshot(agent, 'staff-ticket-resolved-bg-light');
    });

    await step('the client sees the reply and the resolved status, never the note, and rates it 5', async () => {
      const rating = client.getByRole('region', { name: t('en', 'portalTickets.rating.title') });
      await expectVisible(rating, 'the rating card, shown live once resolved');
      await expectVisible(client.getByRole('button', { name: t('en', 'portalTickets.actions.close'), exact: true }), 'the close button of a resolved ticket');
      await client.reload();
      await expectVisible(client.getByText(reply, { exact: true }), 'the reply after a reload');
      await expectNoNote(client, 'the reloaded ticket page');
      await screenshot(client, 'portal-ticket-resolved-en-light');

      // The fifth star: its radio input is visually hidden, so click its star (the input's label).
      const fifth = rating.getByRole('radio', { name: t('en', 'portalTickets.rating.stars', { n: 5 }), exact: true });
      await rating.locator(`label[for="${await fifth.getAttribute('id')}"]`).click();
      await client.waitForFunction((el) => (el as HTMLInputElement).checked, await fifth.elementHandle());
      await typeInto(field(rating, t('en', 'portalTickets.rating.comment')), comment);
      await rating.getByRole('button', { name: t('en', 'portalTickets.rating.submit'), exact: true }).click();
      await expectVisible(toast(client, t('en', 'portalTickets.rating.thanks')), 'the "thank you" toast');
      await expectVisible(rating.getByText(comment, { exact: true }), 'the comment in the given rating');
      const saved = await client.evaluate(async (n) => (await (await fetch(`/api/v1/tickets/${n}`)).json()) as { satisfaction: { rating: number; comment: string } | null }, number);
      expectEqual(saved.satisfaction && { rating: saved.satisfaction.rating, comment: saved.satisfaction.comment }, { rating: 5, comment }, 'the stored rating');
      await screenshot(client, 'portal-ticket-rated-en-light');
    });

    await step('"Report a problem" at very high priority lands on the new ticket, which the client escalates', async () => {
      await client.getByRole('link', { name: t('en', 'portal.myRequests'), exact: true }).click();
      await client.getByRole('link', { name: t('en', 'portalTickets.home.reportProblem'), exact: true }).click();
      await expectPath(client, '/portal/report-problem');
      await typeInto(field(client, t('en', 'tickets.fields.title')), problem);
      await typeInto(field(client, t('en', 'tickets.fields.description')), 'Every invoice PDF is empty since this morning.');
      // The problem_report type's own fields (contract item 8).
      await typeInto(field(client, 'Where did it happen?'), 'Invoices page');
      await client.getByRole('combobox', { name: 'Severity', exact: true }).click();
      await client.getByRole('option', { name: 'high', exact: true }).click();
      await client.getByRole('combobox', { name: t('en', 'tickets.fields.priority'), exact: true }).click();
      await client.getByRole('option', { name: t('en', 'tickets.priority.5'), exact: true }).click();
      await client.getByRole('button', { name: t('en', 'portalTickets.problem.submit'), exact: true }).click();
      await expectPath(client, /^\/portal\/tickets\/TCK-\d{6,}$/);
      await expectVisible(client.getByRole('heading', { name: problem, exact: true }), 'the reported problem');
      const details = client.getByRole('region', { name: t('en', 'portalTickets.ticket.details') });
      await expectText(details, 'Problem report', 'the type of the report');
      await expectText(details, 'Invoices page', 'its "Where did it happen?" answer');

      await client.getByRole('button', { name: t('en', 'tickets.escalation.button'), exact: true }).click();
      const dialog = client.getByRole('dialog', { name: t('en', 'tickets.escalation.title', { number: new URL(client.url()).pathname.split('/').pop()! }) });
      await dialog.getByRole('button', { name: t('en', 'tickets.escalation.submit'), exact: true }).click();
      await expectFieldError(field(dialog, t('en', 'tickets.escalation.reason')), t('en', 'validation.required'), 'the empty reason');
      await typeInto(field(dialog, t('en', 'tickets.escalation.reason')), 'Our month-end billing is blocked.');
      await dialog.getByRole('button', { name: t('en', 'tickets.escalation.submit'), exact: true }).click();
      await expectAbsent(dialog, 'the escalation dialog after sending');
      await expectVisible(client.locator('.mantine-Badge-root').filter({ hasText: t('en', 'tickets.escalation.level', { n: 1 }) }), 'the escalation level 1 badge');
      await expectText(details, 'Our month-end billing is blocked.', 'the escalation reason');
      await screenshot(client, 'portal-problem-escalated-en-light');
    });

    await step('client2@demo.test (another customer) opening the address gets the not-found page', async () => {
      const otherContext = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
      try {
        const other = await otherContext.newPage();
        await signIn(other, { email: 'client2@demo.test', password: DEMO_PASSWORD, language: 'en' });
        await expectPath(other, '/portal');
        await other.goto(`/portal/tickets/${number}`);
        await expectVisible(other.getByRole('heading', { name: t('vi', 'errors.pageNotFoundTitle'), exact: true }), 'the not-found page');
        await expectAbsent(other.getByText(title), "the other customer's ticket title");
        await screenshot(other, 'portal-ticket-not-found-vi');
      } finally {
        await otherContext.close();
      }
    });

    await step('the portal home, the list and the ticket in Vietnamese, dark', async () => {
      await client.goto(`/portal/tickets/${number}`);
      await expectVisible(client.getByRole('heading', { name: title, exact: true }), 'the first ticket again');
      await chooseLanguage(client, 'en', 'vi');
      await chooseColorScheme(client, 'vi', 'dark');
      await expectColorScheme(client, 'dark');
      await expectVisible(client.getByRole('heading', { name: t('vi', 'tickets.conversation.title'), exact: true }), 'the conversation in Vietnamese');
      await expectVisible(client.getByText(reply, { exact: true }), 'the reply');
      await screenshot(client, 'portal-ticket-vi-dark');
      await client.getByRole('link', { name: t('vi', 'portalTickets.nav.tickets'), exact: true }).click();
      await expectVisible(client.getByRole('row').filter({ hasText: number }), 'the ticket in the Vietnamese list');
      await expectText(client.getByRole('row').filter({ hasText: number }), t('vi', 'tickets.status.resolved'), 'its status in Vietnamese');
      await screenshot(client, 'portal-tickets-vi-dark');
      await client.getByRole('link', { name: t('vi', 'portal.myRequests'), exact: true }).click();
      await expectVisible(client.getByRole('link', { name: t('vi', 'portalTickets.home.reportProblem'), exact: true }), 'the Report a problem card in Vietnamese');
      await screenshot(client, 'portal-home-vi-dark');
      await chooseLanguage(client, 'vi', original!.language);
      await chooseColorScheme(client, original!.language, original!.colorScheme);
      const me = await readMe(client);
      expectEqual({ language: me.language, colorScheme: me.colorScheme }, original, "client1's restored preferences");
      restored = true;
    });
  } finally {
    if (original && !restored) await restorePreferences(client, original).catch((error) => console.error(`clean-up failed: ${error}`));
    await clientContext.close();
    await agentContext.close();
  }
});
