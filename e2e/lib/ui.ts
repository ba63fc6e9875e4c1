import type { Page, Response } from 'playwright-core';
import { expectPath, expectValue, expectVisible } from './expect.ts';
import { LANGUAGE_NAMES, t, type Language } from './i18n.ts';

export interface SignIn {
  email: string;
  password: string;
  /** The language the login page is in (the browser's, or the last one used on this device). */
  language: Language;
  /** 'form': click into the inputs and type; 'demo': click the demo-account card, then sign in. */
  via?: 'form' | 'demo';
}

/** Signs in through the login page the way a person does; returns once the sign-in button was pressed. */
export async function signIn(page: Page, { email, password, language, via = 'form' }: SignIn): Promise<void> {
  await page.goto('/login');
  const submit = page.getByRole('button', { name: t(language, 'login.submit'), exact: true });
  await expectVisible(submit, `the "${t(language, 'login.submit')}" button`);
  const emailInput = page.getByLabel(t(language, 'fields.email'), { exact: true });
  const passwordInput = page.getByLabel(t(language, 'fields.password'), { exact: true });
  if (via === 'demo') {
    await page.getByRole('button', { name: t(language, 'login.useAccount', { email }), exact: true }).click();
    await expectValue(emailInput, email, 'the e-mail input after picking the demo account');
  } else {
    await emailInput.click();
    await emailInput.pressSequentially(email);
    await passwordInput.click();
    await passwordInput.pressSequentially(password);
  }
  await submit.click();
}

/** The role's home after sign-in: the portal for clients, the staff home for everyone else. */
export function homePath(role: string): string {
  return role === 'client' ? '/portal' : '/';
}

export async function signOut(page: Page, language: Language): Promise<void> {
  await page.getByRole('button', { name: t(language, 'header.userMenu'), exact: true }).click();
  await page.getByRole('menuitem', { name: t(language, 'header.signOut'), exact: true }).click();
  await expectPath(page, '/login');
  await expectVisible(page.getByRole('button', { name: t(language, 'login.submit'), exact: true }), 'the login form after signing out');
}

/** Resolves with the next PATCH /api/v1/me answer: header choices are saved to the profile. */
function profileSaved(page: Page): Promise<Response> {
  return page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === '/api/v1/me');
}

async function expectSaved(saved: Promise<Response>, what: string): Promise<void> {
  const response = await saved;
  if (response.status() !== 200) throw new Error(`saving ${what} answered HTTP ${response.status()}: ${await response.text()}`);
}

/** Picks a language in the header menu (`from` = the language the menu's own label is in now). */
export async function chooseLanguage(page: Page, from: Language, to: Language, { signedIn = true } = {}): Promise<void> {
  await page.getByRole('button', { name: t(from, 'header.language'), exact: true }).click();
  const saved = signedIn && from !== to ? profileSaved(page) : null;
  await page.getByRole('menuitem', { name: LANGUAGE_NAMES[to], exact: true }).click();
  if (saved) await expectSaved(saved, `the language ${to}`);
}

/** Picks light / dark / system in the header's color-scheme menu. */
export async function chooseColorScheme(page: Page, language: Language, scheme: 'light' | 'dark' | 'system', { save = true } = {}): Promise<void> {
  await page.getByRole('button', { name: t(language, 'header.colorScheme'), exact: true }).click();
  const saved = save ? profileSaved(page) : null;
  await page.getByRole('menuitem', { name: t(language, `colorScheme.${scheme}`), exact: true }).click();
  if (saved) await expectSaved(saved, `the color scheme ${scheme}`);
}

export interface MeView {
  email: string;
  name: string;
  role: string;
  language: Language;
  colorScheme: 'light' | 'dark' | 'system';
  csrfToken: string | null;
}

/** GET /api/v1/me from inside the page (its cookie): to read state the test must restore later. */
export async function readMe(page: Page): Promise<MeView> {
  const result = await page.evaluate(async () => {
    const response = await fetch('/api/v1/me', { headers: { Accept: 'application/json' } });
    return { status: response.status, body: await response.text() };
  });
  if (result.status !== 200) throw new Error(`GET /api/v1/me answered HTTP ${result.status}`);
  return JSON.parse(result.body) as MeView;
}

/**
 * Clean-up only (never an assertion): puts preferences back through the API when a test stopped
 * before it could restore them through the UI, so later files see the demo data as seeded.
 */
export async function restorePreferences(page: Page, prefs: Pick<MeView, 'language' | 'colorScheme'>): Promise<void> {
  const me = await readMe(page);
  if (me.language === prefs.language && me.colorScheme === prefs.colorScheme) return;
  const status = await page.evaluate(
    async ({ body, csrf }) => {
      const response = await fetch('/api/v1/me', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf ?? '' },
        body: JSON.stringify(body),
      });
      return response.status;
    },
    { body: { language: prefs.language, colorScheme: prefs.colorScheme }, csrf: me.csrfToken },
  );
  if (status !== 200) throw new Error(`restoring the preferences of ${me.email} answered HTTP ${status}`);
}

/**
 * A JSON request from inside the page (its session cookie and CSRF token), for arranging and reading records;
 * `version` is sent as If-Match, for a change to a versioned record.
 */
export async function apiCall(page: Page, method: string, url: string, body?: unknown, version?: number): Promise<{ status: number; body: any }> {
  const { csrfToken } = await readMe(page);
  return page.evaluate(
    async ({ method, url, body, csrf, version }) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf ?? '' };
      if (version !== undefined) headers['If-Match'] = `"${version}"`;
      const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { method, url, body, csrf: csrfToken, version },
  );
}

/** apiCall for set-up steps that must succeed: throws with the answer on any status from 300 up. */
export async function apiJson<T>(page: Page, method: string, url: string, body?: unknown, version?: number): Promise<T> {
  const result = await apiCall(page, method, url, body, version);
  if (result.status >= 300) throw new Error(`${method} ${url} answered HTTP ${result.status}: ${JSON.stringify(result.body)}`);
  return result.body as T;
}
