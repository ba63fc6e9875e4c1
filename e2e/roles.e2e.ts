/**
 * Every demo account signs in through the login page in its own language, lands on its role's home
 * (staff: the welcome card; clients: the portal), sees only the navigation its role allows, is kept
 * out of the other area, and signs out.
 */
import type { Page } from 'playwright-core';
import { newContext } from './lib/browser.ts';
import { ADMIN_ENTRIES, DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './lib/accounts.ts';
import { expectAbsent, expectHtmlLang, expectPath, expectVisible } from './lib/expect.ts';
import { BROWSER_LOCALES, HTML_LANG, KNOWN_TEXT, t } from './lib/i18n.ts';
import { runSuite, type Suite } from './lib/run.ts';
import { screenshot } from './lib/screenshot.ts';
import { homePath, signIn, signOut } from './lib/ui.ts';

async function staffHome(page: Page, user: DemoUser) {
  const L = user.language;
  await expectVisible(page.getByRole('heading', { name: t(L, 'home.welcome', { name: user.name }), exact: true }), 'the welcome card with the user name');
  await expectVisible(page.getByRole('heading', { name: KNOWN_TEXT[L].quickLinks, exact: true }), `"${KNOWN_TEXT[L].quickLinks}" (${L})`);
  await expectVisible(page.getByRole('navigation').getByRole('link', { name: KNOWN_TEXT[L].home, exact: true }), `the "${KNOWN_TEXT[L].home}" navigation entry`);
  await expectHtmlLang(page, HTML_LANG[L]);
}

async function portalHome(page: Page, user: DemoUser) {
  const L = user.language;
  await expectVisible(page.getByRole('heading', { name: t(L, 'portal.welcome', { name: user.name }), exact: true }), 'the portal greeting with the user name');
  await expectVisible(page.getByRole('link', { name: KNOWN_TEXT[L].myRequests, exact: true }), `the "${KNOWN_TEXT[L].myRequests}" portal entry (${L})`);
  await expectHtmlLang(page, HTML_LANG[L]);
}

/** The Administration group and its entries exactly as the role's permissions allow. */
async function staffNavigation(page: Page, user: DemoUser) {
  const L = user.language;
  const nav = page.getByRole('navigation');
  const allowed = ADMIN_ENTRIES.filter((entry) => entry.roles.includes(user.role));
  for (const entry of ADMIN_ENTRIES) {
    const link = nav.getByRole('link', { name: t(L, entry.label), exact: true });
    if (allowed.includes(entry)) await expectVisible(link, `the "${t(L, entry.label)}" entry for ${user.role}`);
    else await expectAbsent(link, `the "${t(L, entry.label)}" entry for ${user.role}`);
  }
  const group = nav.getByText(KNOWN_TEXT[L].administration, { exact: true });
  if (allowed.length) await expectVisible(group, 'the Administration group');
  else await expectAbsent(group, `the Administration group for ${user.role}`);
}

async function checkAccount(suite: Suite, user: DemoUser, index: number) {
  const { browser, step } = suite;
  const L = user.language;
  const tag = user.email.split('@')[0];
  const via = index % 2 === 0 ? 'form' : 'demo';
  // Alternate the operating system's scheme: demo users keep "system", so both paints get covered.
  const context = await newContext(browser, { locale: BROWSER_LOCALES[L], colorScheme: index % 2 === 0 ? 'light' : 'dark' });
  try {
    const page = await context.newPage();
    await step(`${tag}: the login page speaks ${L}`, async () => {
      await page.goto('/login');
      await expectVisible(page.getByRole('heading', { name: t(L, 'login.title'), exact: true }), `the login title in ${L}`);
      await expectHtmlLang(page, HTML_LANG[L]);
    });

    await step(`${tag}: signs in (${via === 'form' ? 'typing e-mail and password' : 'demo-account button'})`, async () => {
      await signIn(page, { email: user.email, password: DEMO_PASSWORD, language: L, via });
      await expectPath(page, homePath(user.role));
    });

    await step(`${tag}: ${user.role === 'client' ? 'the portal' : 'the staff home'} shows in ${L}`, async () => {
      if (user.role === 'client') await portalHome(page, user);
      else await staffHome(page, user);
      const scheme = await page.locator('html').getAttribute('data-mantine-color-scheme');
      await screenshot(page, `home-${tag}-${L}-${scheme}`);
    });

    if (user.role === 'client') {
      await step(`${tag}: opening /admin/users ends in the portal`, async () => {
        await page.goto('/admin/users');
        await expectPath(page, '/portal');
        await portalHome(page, user);
        await expectAbsent(page.getByText(KNOWN_TEXT[L].administration, { exact: true }), 'the Administration group in the portal');
      });
    } else {
      await step(`${tag}: navigation follows the ${user.role} role`, async () => {
        await staffNavigation(page, user);
        if (user.role === 'admin') {
          await page.getByRole('navigation').getByRole('link', { name: t(L, 'nav.users'), exact: true }).click();
          await expectPath(page, '/admin/users');
          await expectVisible(page.getByRole('heading', { name: t(L, 'nav.users'), exact: true }), 'the Users page title');
        } else {
          // Typing the address does not open the page either: the role has no access.
          await page.goto('/admin/users');
          await expectVisible(page.getByText(t(L, 'errors.forbiddenTitle'), { exact: true }), 'the "No access" page');
          await expectAbsent(page.getByRole('button', { name: t(L, 'users.create'), exact: true }), 'the New user button');
        }
        // Staff have no business in the portal: it sends them to the staff home.
        await page.goto('/portal');
        await expectPath(page, '/');
        await staffHome(page, user);
      });
    }

    await step(`${tag}: signs out`, async () => {
      await signOut(page, L);
      // The session is really gone: the home sends back to the login page.
      await page.goto(homePath(user.role));
      await expectPath(page, '/login');
    });
  } finally {
    await context.close();
  }
}

await runSuite('roles', async (suite) => {
  for (const [index, user] of DEMO_USERS.entries()) await checkAccount(suite, user, index);
});
