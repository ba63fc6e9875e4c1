import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { screenshotAllPages } from './screenshot.ts';

/** Thrown after a failed step has been reported: it only unwinds the suite. */
class StepFailed extends Error {}

export interface Suite {
  browser: Browser;
  /** Runs one step: prints `✓ title` or `✗ title: error` (with failure screenshots) and stops the suite on failure. */
  step<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/** The first line(s) of an error: Playwright appends a long call log that buries the reason. */
export function shortMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const cut = text.indexOf('\nCall log:');
  return (cut >= 0 ? text.slice(0, cut) : text).trim().split('\n').slice(0, 6).join('\n    ');
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/**
 * One e2e file = one suite = ONE browser, closed in `finally` whatever happens (Chromium leaves
 * zombie processes otherwise). Exits 0 when every step passed, 1 at the first failure.
 */
export async function runSuite(name: string, body: (suite: Suite) => Promise<void>): Promise<never> {
  const started = Date.now();
  let passed = 0;
  let exitCode = 0;
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    const b = browser;
    const suite: Suite = {
      browser: b,
      async step(title, fn) {
        const stepStarted = Date.now();
        try {
          const result = await fn();
          passed += 1;
          console.log(`  ✓ ${title} (${((Date.now() - stepStarted) / 1000).toFixed(1)} s)`);
          return result;
        } catch (error) {
          console.log(`  ✗ ${title}: ${shortMessage(error)}`);
          const saved = await screenshotAllPages(b, `failure-${slug(name)}-${slug(title)}`);
          for (const file of saved) console.log(`    screenshot: ${file}`);
          throw new StepFailed(title);
        }
      },
    };
    await body(suite);
    console.log(`${name}: ${passed} steps passed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    exitCode = 1;
    if (!(error instanceof StepFailed)) console.log(`  ✗ ${name}: ${shortMessage(error)}`);
    console.log(`${name}: FAILED after ${passed} passed steps (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    if (browser) await browser.close().catch((error) => console.error(`closing the browser failed: ${shortMessage(error)}`));
  }
  process.exit(exitCode);
}
