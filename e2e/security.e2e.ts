/**
 * What a browser can check of the security promises: the demo accounts show only in demo mode (the
 * runner starts the server with DEMO=1), a wrong password is refused on the form, the app page is
 * served with a strict Content-Security-Policy that the browser enforces, the session cookie is
 * HttpOnly, and a client is kept in the portal (the API refuses them too).
 */
import type { Page } from 'playwright-core';
import { newContext } from './lib/browser.ts';
import { DEMO_PASSWORD, DEMO_USERS, demoUser } from './lib/accounts.ts';
import { expectAbsent, expectEqual, expectFieldError, expectPath, expectTrue, expectVisible } from './lib/expect.ts';
import { t } from './lib/i18n.ts';
import { runSuite } from './lib/run.ts';
import { screenshot } from './lib/screenshot.ts';
import { signIn } from './lib/ui.ts';

const SESSION_COOKIE = 'sb_session';

/** The CSP header parsed into directives: {"script-src": ["'self'"], …}. */
function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

/** Everything the browser reports about blocked content or failing scripts on this page. */
function watchViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /content security policy/i.test(message.text())) seen.push(message.text());
  });
  page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  return seen;
}

await runSuite('security', async ({ browser, step }) => {
  const context = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const page = await context.newPage();
  const violations = watchViolations(page);
  const staff = demoUser('agent2@demo.test');
  const client = demoUser('client1@demo.test');
  try {
    await step('the app page is served with a strict Content-Security-Policy', async () => {
      for (const path of ['/login', '/', '/admin/users']) {
        const response = await page.goto(path);
        expectTrue(response, `no response for ${path}`);
        const csp = response.headers()['content-security-policy'];
        expectTrue(csp, `${path} has no Content-Security-Policy header`);
        const rules = directives(csp);
        const scriptSrc = rules.get('script-src') ?? rules.get('default-src');
        expectTrue(scriptSrc, `the CSP of ${path} has neither script-src nor default-src: ${csp}`);
        expectTrue(scriptSrc.includes("'self'"), `script-src of ${path} should allow 'self': ${csp}`);
        for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:']) {
          expectTrue(!scriptSrc.includes(unsafe), `script-src of ${path} must not contain ${unsafe}: ${csp}`);
        }
        expectEqual(rules.get('frame-ancestors'), ["'none'"], `frame-ancestors of ${path}`);
      }
    });

    await step('the browser enforces it: an injected inline script does not run', async () => {
      await page.goto('/login');
      await expectVisible(page.getByRole('button', { name: t('en', 'login.submit'), exact: true }), 'the login form (the bundle ran under the CSP)');
      const ran = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineScriptRan = true;';
        document.head.appendChild(script);
        return (window as unknown as { __inlineScriptRan?: boolean }).__inlineScriptRan === true;
      });
      expectEqual(ran, false, 'whether an inline script ran');
      // The refusal is reported by the browser; forget it so later steps only see unexpected ones.
      expectTrue(violations.some((v) => /inline script/i.test(v)), `the browser should report the blocked inline script (saw: ${violations.join(' | ') || 'nothing'})`);
      violations.length = 0;
    });

    await step('the login page lists the demo accounts (demo mode)', async () => {
      await expectVisible(page.getByText(t('en', 'login.demoTitle'), { exact: true }), 'the "Demo accounts" title');
      for (const user of DEMO_USERS) {
        await expectVisible(page.getByRole('button', { name: t('en', 'login.useAccount', { email: user.email }), exact: true }), `the demo card of ${user.email}`);
      }
      await screenshot(page, 'login-demo-accounts-en-light');
    });

    await step('a wrong password is refused on the form', async () => {
      await signIn(page, { email: staff.email, password: 'not-the-password', language: 'en' });
      const password = page.getByLabel(t('en', 'fields.password'), { exact: true });
      await expectFieldError(password, t('en', 'problems.invalid_credentials'), 'the password input');
      await expectPath(page, '/login');
      const cookies = await context.cookies();
      expectTrue(!cookies.some((c) => c.name === SESSION_COOKIE), 'a refused sign-in must not set a session cookie');
      await screenshot(page, 'login-wrong-password-en-light');
    });

    await step('the session cookie is HttpOnly: document.cookie does not show it', async () => {
      await signIn(page, { email: staff.email, password: DEMO_PASSWORD, language: 'en' });
      await expectPath(page, '/');
      await expectVisible(page.getByRole('heading', { name: t('en', 'home.welcome', { name: staff.name }), exact: true }), 'the welcome card');
      const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
      expectTrue(cookie, `the browser should hold the ${SESSION_COOKIE} cookie after sign-in`);
      expectEqual({ httpOnly: cookie.httpOnly, sameSite: cookie.sameSite, path: cookie.path }, { httpOnly: true, sameSite: 'Lax', path: '/' }, 'the session cookie flags');
      const visible = await page.evaluate(() => document.cookie);
      expectTrue(!visible.includes(SESSION_COOKIE) && !visible.includes(cookie.value), `document.cookie exposes the session: "${visible}"`);
    });

    await step('a client opening /admin/users is kept in the portal', async () => {
      const clientContext = await newContext(browser, { locale: 'en-US' });
      try {
        const portal = await clientContext.newPage();
        const portalViolations = watchViolations(portal);
        await signIn(portal, { email: client.email, password: DEMO_PASSWORD, language: 'en', via: 'demo' });
        await expectPath(portal, '/portal');
        for (const path of ['/admin/users', '/admin/settings', '/profile']) {
          await portal.goto(path);
          await expectPath(portal, '/portal');
          await expectVisible(portal.getByRole('heading', { name: t('en', 'portal.welcome', { name: client.name }), exact: true }), `the portal after opening ${path}`);
          await expectAbsent(portal.getByRole('button', { name: t('en', 'users.create'), exact: true }), 'the New user button');
        }
        // The page guard is only a convenience: the API itself refuses the client.
        const answer = await portal.evaluate(async () => (await fetch('/api/v1/users')).status);
        expectEqual(answer, 403, 'GET /api/v1/users as a client');
        expectEqual(portalViolations, [], 'CSP violations or page errors in the portal');
      } finally {
        await clientContext.close();
      }
    });

    await step('no CSP violation or page error happened on the way', async () => {
      expectEqual(violations, [], 'CSP violations or page errors');
    });
  } finally {
    await context.close();
  }
});
