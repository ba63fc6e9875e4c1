/**
 * The administrator at work: creates a user in the Users dialog (a taken e-mail is refused on its
 * field), creates a branch, adds the new user to a team and deactivates them, while that user,
 * signed in in another browser, is sent to the login page at once (the server ends their socket).
 */
import type { Locator, Page } from 'playwright-core';
import { newContext } from './lib/browser.ts';
import { DEMO_PASSWORD, demoUser } from './lib/accounts.ts';
import { expectAbsent, expectColorScheme, expectEqual, expectFieldError, expectPath, expectText, expectVisible } from './lib/expect.ts';
import { t } from './lib/i18n.ts';
import { runSuite } from './lib/run.ts';
import { screenshot } from './lib/screenshot.ts';
import { chooseColorScheme, chooseLanguage, readMe, restorePreferences, signIn, type MeView } from './lib/ui.ts';

const admin = demoUser('admin@demo.test');
const stamp = Date.now().toString(36);
const newUser = { name: `E2E Person ${stamp}`, email: `e2e-${stamp}@example.test`, password: `e2e-pass-${stamp}` };
const branch = { code: `E2E-${stamp}`.toUpperCase(), name: `E2E branch ${stamp}` };
const TEAM = 'Customer care';

/** Admin navigation entry → page title. */
async function openAdminPage(page: Page, labelKey: string, path: string) {
  await page.getByRole('navigation').getByRole('link', { name: t('en', labelKey), exact: true }).click();
  await expectPath(page, path);
  await expectVisible(page.getByRole('heading', { name: t('en', labelKey), exact: true }), `the ${t('en', labelKey)} page`);
}

/** Mantine labels required inputs "Name *": the star is decoration, so match the start. */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label}( \\*)?$`));

async function typeInto(input: Locator, text: string) {
  await input.click();
  await input.fill('');
  await input.pressSequentially(text);
}

const toast = (page: Page, text: string) => page.locator('.mantine-Notification-root').filter({ hasText: text });
const userRow = (page: Page) => page.getByRole('row').filter({ hasText: newUser.email });

await runSuite('admin', async ({ browser, step }) => {
  const context = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const page = await context.newPage();
  const other = await newContext(browser, { locale: 'en-US', colorScheme: 'dark' });
  const person = await other.newPage();
  let original: Pick<MeView, 'language' | 'colorScheme'> | null = null;
  let restored = false;
  try {
    await step(`${admin.email} signs in and opens Users`, async () => {
      await signIn(page, { email: admin.email, password: DEMO_PASSWORD, language: 'en' });
      await expectPath(page, '/');
      const me = await readMe(page);
      original = { language: me.language, colorScheme: me.colorScheme };
      await openAdminPage(page, 'nav.users', '/admin/users');
      await expectVisible(page.getByRole('row').filter({ hasText: 'sales1@demo.test' }), 'the row of sales1@demo.test');
      await expectColorScheme(page, 'light');
      await screenshot(page, 'users-en-light');
    });

    const dialog = page.getByRole('dialog', { name: t('en', 'users.createTitle') });
    await step('the New user dialog refuses a taken e-mail on its field', async () => {
      await page.getByRole('button', { name: t('en', 'users.create'), exact: true }).click();
      await expectVisible(dialog, 'the New user dialog');
      await typeInto(field(dialog, t('en', 'fields.name')), newUser.name);
      await typeInto(field(dialog, t('en', 'fields.email')), 'sales1@demo.test');
      await typeInto(field(dialog, t('en', 'fields.password')), newUser.password);
      await dialog.getByRole('button', { name: t('en', 'common.create'), exact: true }).click();
      const email = field(dialog, t('en', 'fields.email'));
      await expectFieldError(email, t('en', 'problems.email_taken'), 'the e-mail input');
      expectEqual(await email.getAttribute('aria-invalid'), 'true', 'aria-invalid of the e-mail input');
      await expectAbsent(dialog.getByRole('alert'), 'a form-level message (the refusal names the e-mail field)');
      await screenshot(page, 'users-create-email-taken');
    });

    await step(`with a new e-mail the user is created (${newUser.email})`, async () => {
      await typeInto(field(dialog, t('en', 'fields.email')), newUser.email);
      await expectAbsent(dialog.getByText(t('en', 'problems.email_taken'), { exact: true }), 'the stale "e-mail taken" message');
      await dialog.getByRole('button', { name: t('en', 'common.create'), exact: true }).click();
      await expectAbsent(dialog, 'the dialog after saving');
      await expectVisible(toast(page, t('en', 'users.created', { name: newUser.name })), 'the "created" toast');
      await expectText(userRow(page), t('en', 'roles.agent'), 'the new row');
    });

    await step('the new user signs in in another browser', async () => {
      await signIn(person, { email: newUser.email, password: newUser.password, language: 'en' });
      await expectPath(person, '/');
      await expectVisible(person.getByRole('heading', { name: t('en', 'home.welcome', { name: newUser.name }), exact: true }), 'their welcome card');
    });

    await step(`create the branch ${branch.code}`, async () => {
      await openAdminPage(page, 'nav.branches', '/admin/branches');
      await page.getByRole('button', { name: t('en', 'branches.create'), exact: true }).click();
      const form = page.getByRole('dialog', { name: t('en', 'branches.createTitle') });
      await expectVisible(form, 'the New branch dialog');
      await typeInto(field(form, t('en', 'branches.code')), branch.code);
      await typeInto(field(form, t('en', 'fields.name')), branch.name);
      await form.getByRole('button', { name: t('en', 'common.save'), exact: true }).click();
      await expectAbsent(form, 'the branch dialog after saving');
      await expectVisible(toast(page, t('en', 'branches.saved', { name: branch.name })), 'the "branch saved" toast');
      await expectText(page.getByRole('row').filter({ hasText: branch.code }), branch.name, 'the new branch row');
    });

    await step(`add ${newUser.name} to the team ${TEAM}`, async () => {
      await openAdminPage(page, 'nav.teams', '/admin/teams');
      const card = page.locator('.mantine-Card-root').filter({ has: page.getByText(TEAM, { exact: true }) });
      const countText = card.getByText(/^Members \(\d+\)$/);
      await expectVisible(countText, `the member count of ${TEAM}`);
      const before = Number((await countText.textContent())!.match(/\d+/)![0]);
      await card.getByRole('button', { name: `${t('en', 'common.edit')}: ${TEAM}`, exact: true }).click();
      const form = page.getByRole('dialog', { name: t('en', 'teams.editTitle', { name: TEAM }) });
      await expectVisible(form, 'the team dialog');
      const members = field(form, t('en', 'teams.members'));
      await members.click();
      await members.pressSequentially(newUser.name);
      await page.getByRole('option', { name: newUser.name, exact: true }).click();
      // Closing the open list first, as a person would, so it cannot cover the Save button.
      await form.getByRole('heading', { name: t('en', 'teams.editTitle', { name: TEAM }) }).click();
      await form.getByRole('button', { name: t('en', 'common.save'), exact: true }).click();
      await expectAbsent(form, 'the team dialog after saving');
      await expectVisible(toast(page, t('en', 'teams.saved', { name: TEAM })), 'the "team saved" toast');
      await expectVisible(card.getByText(t('en', 'teams.memberCount', { n: before + 1 }), { exact: true }), `${before + 1} members`);
    });

    await step(`deactivate ${newUser.name} with the confirm dialog`, async () => {
      await openAdminPage(page, 'nav.users', '/admin/users');
      await expectText(userRow(page), TEAM, 'the new user row (their team)');
      const label = `${t('en', 'users.deactivate')}: ${newUser.name}`;
      await userRow(page).getByRole('button', { name: label, exact: true }).click();
      const confirm = page.getByRole('dialog', { name: t('en', 'users.deactivate') });
      await expectText(confirm, t('en', 'users.deactivateConfirm', { name: newUser.name }), 'the confirm dialog');
      await screenshot(page, 'users-deactivate-confirm');
      await confirm.getByRole('button', { name: t('en', 'users.deactivate'), exact: true }).click();
      await expectAbsent(confirm, 'the confirm dialog after confirming');
      await expectVisible(toast(page, t('en', 'users.deactivated', { name: newUser.name })), 'the "deactivated" toast');
      // The list shows active users by default: the row leaves it, and the Inactive filter shows it.
      await expectAbsent(userRow(page), 'the deactivated user in the active list');
      await page.locator('.mantine-SegmentedControl-root').getByText(t('en', 'common.inactive'), { exact: true }).click();
      await expectText(userRow(page), t('en', 'common.inactive'), 'the deactivated user row');
      await expectVisible(userRow(page).getByRole('button', { name: `${t('en', 'users.activate')}: ${newUser.name}`, exact: true }), 'the Activate action');
    });

    await step("the deactivated user's open tab moves to the login page by itself", async () => {
      // No click: the server disconnects the user's socket, the tab re-checks its session and leaves.
      await expectPath(person, '/login');
      await expectVisible(person.getByRole('button', { name: t('en', 'login.submit'), exact: true }), 'the login form');
      await signIn(person, { email: newUser.email, password: newUser.password, language: 'en' });
      await expectVisible(person.getByRole('alert').filter({ hasText: t('en', 'problems.account_disabled') }), 'the "account deactivated" message');
      await expectPath(person, '/login');
    });

    await step('the Users page in Bulgarian, dark', async () => {
      await chooseLanguage(page, 'en', 'bg');
      await chooseColorScheme(page, 'bg', 'dark');
      await expectVisible(page.getByRole('heading', { name: 'Потребители', exact: true }), 'the Users title in Bulgarian');
      await expectColorScheme(page, 'dark');
      await expectText(userRow(page), t('bg', 'common.inactive'), 'the deactivated row in Bulgarian');
      await screenshot(page, 'users-bg-dark');
      await chooseLanguage(page, 'bg', original!.language);
      await chooseColorScheme(page, original!.language, original!.colorScheme);
      await expectVisible(page.getByRole('heading', { name: t(original!.language, 'nav.users'), exact: true }), 'the Users title back in English');
      const me = await readMe(page);
      expectEqual({ language: me.language, colorScheme: me.colorScheme }, original, "the admin's restored preferences");
      restored = true;
    });

    await step('Settings: "agents see every ticket" is a switch that saves and switches back', async () => {
      await page.goto('/admin/settings');
      const toggle = page.getByRole('switch', { name: t('en', 'settings.agentsSeeAllTickets') });
      await expectVisible(toggle, 'the agents-see-every-ticket switch');
      expectEqual(await toggle.isChecked(), false, 'the switch is off by default');
      const save = () =>
        Promise.all([
          page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/settings') && r.request().method() === 'PATCH'),
          page.getByRole('button', { name: t('en', 'common.save'), exact: true }).click(),
        ]);
      await toggle.check({ force: true });
      await save();
      await expectVisible(toast(page, t('en', 'settings.saved')), 'the saved toast');
      const saved = await page.evaluate(async () => (await (await fetch('/api/v1/admin/settings')).json()) as { tickets: { agentsSeeAllTickets: boolean } });
      expectEqual(saved.tickets.agentsSeeAllTickets, true, 'the setting as the server keeps it');
      await screenshot(page, 'settings-agents-see-all-en-light');
      await toggle.uncheck({ force: true });
      await save();
      const back = await page.evaluate(async () => (await (await fetch('/api/v1/admin/settings')).json()) as { tickets: { agentsSeeAllTickets: boolean } });
      expectEqual(back.tickets.agentsSeeAllTickets, false, 'the setting switched back off');
    });
  } finally {
    if (original && !restored) await restorePreferences(page, original).catch((error) => console.error(`clean-up failed: ${error}`));
    await other.close();
    await context.close();
  }
});
