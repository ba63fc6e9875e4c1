/**
 * One staff user switches the language through the header menu to each of en, vi, bg, zh and the
 * color scheme light → dark → light; both choices survive a reload and follow the user to a new
 * device (they are saved to the profile with PATCH /api/v1/me). The original choices are restored.
 */
import type { Page } from 'playwright-core';
import { newContext } from './lib/browser.ts';
import { DEMO_PASSWORD, demoUser } from './lib/accounts.ts';
import { expectColorScheme, expectEqual, expectHtmlLang, expectPath, expectVisible } from './lib/expect.ts';
import { HTML_LANG, KNOWN_TEXT, LANGUAGES, t, type Language } from './lib/i18n.ts';
import { runSuite } from './lib/run.ts';
import { screenshot } from './lib/screenshot.ts';
import { chooseColorScheme, chooseLanguage, readMe, restorePreferences, signIn, type MeView } from './lib/ui.ts';

const user = demoUser('marketing@demo.test');

/** The staff home in `language`: texts written in the test, not read from the catalogue. */
async function homeSpeaks(page: Page, language: Language) {
  await expectVisible(page.getByRole('navigation').getByRole('link', { name: KNOWN_TEXT[language].home, exact: true }), `the "${KNOWN_TEXT[language].home}" navigation entry`);
  await expectVisible(page.getByRole('heading', { name: KNOWN_TEXT[language].quickLinks, exact: true }), `the "${KNOWN_TEXT[language].quickLinks}" title`);
  await expectVisible(page.getByRole('heading', { name: t(language, 'home.welcome', { name: user.name }), exact: true }), 'the welcome card');
  await expectHtmlLang(page, HTML_LANG[language]);
}

await runSuite('preferences', async ({ browser, step }) => {
  // The operating system is dark: a "light" that survives a reload can only be the user's own choice.
  const context = await newContext(browser, { locale: 'en-US', colorScheme: 'dark' });
  const page = await context.newPage();
  let original: Pick<MeView, 'language' | 'colorScheme'> | null = null;
  let restored = false;
  try {
    await step(`${user.email} signs in`, async () => {
      await signIn(page, { email: user.email, password: DEMO_PASSWORD, language: 'en' });
      await expectPath(page, '/');
      const me = await readMe(page);
      original = { language: me.language, colorScheme: me.colorScheme };
      await homeSpeaks(page, original.language);
    });
    const start = original!.language;
    const others = LANGUAGES.filter((l) => l !== start);
    // Every language once, each a real change, ending on one that is not the user's own.
    const sequence = [...others.slice(0, -1), start, others[others.length - 1]];
    const last = sequence[sequence.length - 1];

    let current = start;
    for (const language of sequence) {
      await step(`header language menu → ${language}`, async () => {
        await chooseLanguage(page, current, language);
        await homeSpeaks(page, language);
        current = language;
      });
    }

    await step('header color-scheme menu: light → dark → light', async () => {
      await chooseColorScheme(page, last, 'light');
      await expectColorScheme(page, 'light');
      await chooseColorScheme(page, last, 'dark');
      await expectColorScheme(page, 'dark');
      await screenshot(page, `preferences-home-${last}-dark`);
      await chooseColorScheme(page, last, 'light');
      await expectColorScheme(page, 'light');
      await screenshot(page, `preferences-home-${last}-light`);
    });

    await step(`after a reload: still ${last} and light`, async () => {
      await page.reload();
      await homeSpeaks(page, last);
      await expectColorScheme(page, 'light');
      const me = await readMe(page);
      expectEqual({ language: me.language, colorScheme: me.colorScheme }, { language: last, colorScheme: 'light' }, 'the saved profile preferences');
    });

    await step(`on another device (empty storage, English browser, dark OS): ${last} and light`, async () => {
      const device = await newContext(browser, { locale: 'en-US', colorScheme: 'dark' });
      try {
        const other = await device.newPage();
        await signIn(other, { email: user.email, password: DEMO_PASSWORD, language: 'en' });
        await expectPath(other, '/');
        await homeSpeaks(other, last);
        await expectColorScheme(other, 'light');
      } finally {
        await device.close();
      }
    });

    await step(`restore the original preferences (${start}, ${original!.colorScheme}) through the header`, async () => {
      await chooseLanguage(page, last, start);
      await homeSpeaks(page, start);
      await chooseColorScheme(page, start, original!.colorScheme);
      // "system" on a dark operating system paints dark.
      await expectColorScheme(page, original!.colorScheme === 'light' ? 'light' : 'dark');
      const me = await readMe(page);
      expectEqual({ language: me.language, colorScheme: me.colorScheme }, original, 'the restored profile preferences');
      restored = true;
    });
  } finally {
    // A failure half-way must not leave this demo user in another language for the next files.
    if (original && !restored) await restorePreferences(page, original).catch((error) => console.error(`clean-up failed: ${error}`));
    await context.close();
  }
});
