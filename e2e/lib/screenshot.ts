import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';

/** e2e/screenshots (gitignored): looked at by people, never compared by the suite. */
export const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

/** Saves the page as e2e/screenshots/<name>.png once web fonts are ready; returns the file's path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Disabled animations: a menu or toast half-way through its transition says nothing.
  await page.screenshot({ path: file, animations: 'disabled' });
  return file;
}

/** After a failure: every open page of the browser, so the state of each person's window is kept. */
export async function screenshotAllPages(browser: Browser, name: string): Promise<string[]> {
  const pages = browser.contexts().flatMap((context) => context.pages());
  const saved: string[] = [];
  for (const [i, page] of pages.entries()) {
    try {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name}${pages.length > 1 ? `-${i + 1}` : ''}.png`);
      await page.screenshot({ path: file, timeout: 5_000 });
      saved.push(path.relative(process.cwd(), file));
    } catch {
      /* a page that cannot be captured (closed, crashed) must not hide the original failure */
    }
  }
  return saved;
}
