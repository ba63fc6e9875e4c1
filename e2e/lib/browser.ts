import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Set by scripts/e2e.mjs: the freshly started server of this run. */
export const BASE_URL = (process.env.E2E_BASE_URL ?? '').replace(/\/$/, '');
if (!BASE_URL) {
  console.error('E2E_BASE_URL is not set: run the suite with `node scripts/e2e.mjs`.');
  process.exit(2);
}

/** Each locator wait gives up after this long; a slow first Vite chunk or argon2 verify stays well under it. */
export const WAIT_MS = 15_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface ContextOptions {
  /** The browser's language (navigator.language): what the login page speaks before anyone signs in. */
  locale?: string;
  /** The operating system's scheme, which a user with the "system" preference follows. */
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

/** One context per person: its own cookies and localStorage, like a separate browser profile. */
export async function newContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 860 },
  });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS * 2);
  return context;
}

export async function newPage(browser: Browser, options: ContextOptions = {}): Promise<Page> {
  const context = await newContext(browser, options);
  return context.newPage();
}
