import type { Locator, Page } from 'playwright-core';
import { WAIT_MS } from './browser.ts';
import { shortMessage } from './run.ts';

/**
 * Small assertions on top of Playwright's own waiting (playwright-core has no `expect`). Every wait
 * is for a condition, with a timeout; a failure names what was expected in plain words.
 */
async function waitOr(what: string, wait: () => Promise<unknown>): Promise<void> {
  try {
    await wait();
  } catch (error) {
    throw new Error(`expected ${what} (${shortMessage(error)})`, { cause: error });
  }
}

export function expectVisible(locator: Locator, what: string, timeout = WAIT_MS): Promise<void> {
  return waitOr(`${what} to be visible`, () => locator.waitFor({ state: 'visible', timeout }));
}

/** Gone or never there, e.g. a navigation entry the role must not see. */
export async function expectAbsent(locator: Locator, what: string, timeout = WAIT_MS): Promise<void> {
  await waitOr(`${what} not to be shown`, () => locator.first().waitFor({ state: 'hidden', timeout }));
  const count = await locator.count();
  // A hidden-but-present element is still "absent" to a person; a visible one must not exist.
  for (let i = 0; i < count; i++) {
    if (await locator.nth(i).isVisible()) throw new Error(`expected ${what} not to be shown, but it is`);
  }
}

/** The locator's element shows this text (substring or pattern). */
export function expectText(locator: Locator, text: string | RegExp, what: string, timeout = WAIT_MS): Promise<void> {
  return waitOr(`${what} to show ${JSON.stringify(String(text))}`, () => locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout }));
}

export function expectValue(locator: Locator, value: string, what: string, timeout = WAIT_MS): Promise<void> {
  return waitOr(`${what} to have the value ${JSON.stringify(value)}`, async () => {
    const handle = await locator.elementHandle({ timeout });
    await locator.page().waitForFunction(([el, v]) => (el as HTMLInputElement).value === v, [handle, value] as const, { timeout });
  });
}

/** Waits until the address bar shows this path (query and hash ignored unless the pattern includes them). */
export function expectPath(page: Page, pathname: string | RegExp, timeout = WAIT_MS): Promise<void> {
  const matches = (url: URL) => (typeof pathname === 'string' ? url.pathname === pathname : pathname.test(url.pathname + url.search));
  return waitOr(`the address to be ${String(pathname)} (it is ${new URL(page.url()).pathname})`, () => page.waitForURL(matches, { timeout }));
}

/** `<html data-mantine-color-scheme="…">`: what Mantine actually painted. */
export function expectColorScheme(page: Page, scheme: 'light' | 'dark', timeout = WAIT_MS): Promise<void> {
  return waitOr(`the page to be painted ${scheme}`, () =>
    page.locator(`html[data-mantine-color-scheme="${scheme}"]`).waitFor({ state: 'attached', timeout }),
  );
}

/** `<html lang="…">`, set by the SPA whenever the language changes. */
export function expectHtmlLang(page: Page, lang: string, timeout = WAIT_MS): Promise<void> {
  return waitOr(`<html lang="${lang}">`, () => page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached', timeout }));
}

export function expectEqual<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`expected ${what} to be ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export function expectTrue(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/**
 * A refusal shown ON an input: the message is visible and the input is described by it (so a
 * screen reader announces it with the field), not only somewhere on the form.
 */
export async function expectFieldError(input: Locator, message: string, what: string, timeout = WAIT_MS): Promise<void> {
  const error = input.page().getByText(message, { exact: true });
  await expectVisible(error, `the message "${message}" under ${what}`, timeout);
  const errorId = await error.getAttribute('id');
  const describedBy = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/);
  if (!errorId || !describedBy.includes(errorId)) {
    throw new Error(`expected ${what} to be described by its error "${message}" (aria-describedby="${describedBy.join(' ')}", error id=${errorId})`);
  }
}
