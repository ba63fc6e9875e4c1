/**
 * PLT-9 through the wizard: sales1 uploads a small CSV with two bad rows, the columns are matched
 * automatically, the preview lists exactly the two errors (rows 3 and 5), the rest is imported in the
 * background and the result shows 3 created and 2 failed with the error report to download. Pages
 * captured in English light and Vietnamese dark.
 */
import { DEMO_PASSWORD } from './lib/accounts.ts';
import { newContext } from './lib/browser.ts';
import { expectColorScheme, expectEqual, expectPath, expectText, expectTrue, expectVisible } from './lib/expect.ts';
import { t } from './lib/i18n.ts';
import { runSuite } from './lib/run.ts';
import { screenshot } from './lib/screenshot.ts';
import { chooseColorScheme, chooseLanguage, type MeView, readMe, restorePreferences, signIn } from './lib/ui.ts';

const stamp = Date.now().toString(36);
const digits = String(Date.now() % 100_000).padStart(5, '0');
// Row 3: a broken e-mail; row 5: a phone number that is not one. Mobile numbers 0915… are not the demo data's.
const CSV = [
  'Full name,Email,Phone,City,Tags',
  `Import Alpha ${stamp},alpha.${stamp}@import-e2e.test,09151${digits},Hà Nội,vip`,
  `Import Broken ${stamp},not-an-email,09152${digits},Huế,`,
  `"Import, Gamma ${stamp}",gamma.${stamp}@import-e2e.test,09153${digits},"Đà Nẵng",new;partner`,
  `Import Delta ${stamp},delta.${stamp}@import-e2e.test,12,Sài Gòn,`,
  `Import Epsilon ${stamp},epsilon.${stamp}@import-e2e.test,,Vinh,`,
].join('\r\n');

await runSuite('customer-import', async ({ browser, step }) => {
  const context = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const page = await context.newPage();
  let original: Pick<MeView, 'language' | 'colorScheme'> | null = null;
  let restored = false;
  try {
    await step('sales1 opens Import customers from the navigation', async () => {
      await signIn(page, { email: 'sales1@demo.test', password: DEMO_PASSWORD, language: 'en' });
      await expectPath(page, '/');
      const me = await readMe(page);
      original = { language: me.language, colorScheme: me.colorScheme };
      await page.getByRole('navigation').getByRole('link', { name: t('en', 'customerImport.nav'), exact: true }).click();
      await expectPath(page, '/customers/import');
      await expectVisible(page.getByRole('heading', { name: t('en', 'customerImport.title') }), 'the import page');
      await expectColorScheme(page, 'light');
      await screenshot(page, 'import-upload-en-light');
    });

    await step('uploads the CSV and sees its columns matched to customer fields', async () => {
      await page.locator('input[type=file]').setInputFiles({ name: 'e2e-customers.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
      await page.getByRole('button', { name: t('en', 'imports.upload.submit') }).click();
      await expectText(page.getByText('e2e-customers.csv'), /5/, 'the file name and row count');
      for (const [column, target] of [['Full name', 'fullName'], ['Email', 'email'], ['Phone', 'phone'], ['City', 'city'], ['Tags', 'tags']]) {
        expectEqual(await page.locator(`input[aria-label="${column}"]`).inputValue(), t('en', `customerImport.fields.${target}`), `the target of ${column}`);
      }
      await screenshot(page, 'import-mapping-en-light');
    });

    await step('the preview names exactly the two bad rows', async () => {
      await page.getByRole('button', { name: t('en', 'imports.mapping.validate') }).click();
      const issues = page.getByTestId('import-issues');
      await expectVisible(issues, 'the issues table');
      const rows = issues.locator('tbody tr');
      await expectText(rows.nth(0), /^3/, 'the first issue row');
      await expectText(rows.nth(1), /^5/, 'the second issue row');
      expectEqual(await rows.count(), 2, 'issue rows');
      await expectText(rows.nth(0), t('en', 'customerImport.fields.email'), 'the field of row 3');
      await expectText(rows.nth(1), t('en', 'customerImport.fields.phone'), 'the field of row 5');
      await screenshot(page, 'import-preview-en-light');
    });

    await step('imports the three good rows in the background and shows the result', async () => {
      await page.getByRole('button', { name: t('en', 'customerImport.preview.start', { count: 3 }) }).click();
      await expectVisible(page.getByTestId('import-done'), 'the "imported" message', 30_000);
      const stat = (key: string) => page.locator('.mantine-Card-root').filter({ hasText: t('en', `imports.result.${key}`) });
      await expectText(stat('created'), /3/, 'the created count');
      await expectText(stat('failed'), /2/, 'the failed count');
      const report = page.getByRole('link', { name: t('en', 'customerImport.downloadReport') });
      const href = await report.getAttribute('href');
      const csv = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
      expectTrue(csv.includes('not-an-email') && csv.split('\r\n').filter(Boolean).length === 3, `the error report has the header and the two rows: ${csv}`);
      await screenshot(page, 'import-result-en-light');
    });

    await step('the same pages in Vietnamese, dark', async () => {
      await chooseLanguage(page, 'en', 'vi');
      await chooseColorScheme(page, 'vi', 'dark');
      await expectColorScheme(page, 'dark');
      await expectVisible(page.getByText(t('vi', 'imports.result.created')), 'the Vietnamese result');
      await screenshot(page, 'import-result-vi-dark');
      await page.getByRole('button', { name: t('vi', 'customerImport.anotherFile') }).click();
      await expectVisible(page.getByRole('button', { name: t('vi', 'imports.upload.submit') }), 'the Vietnamese upload step');
      await screenshot(page, 'import-upload-vi-dark');
      await page.locator('input[type=file]').setInputFiles({ name: 'lỗi.csv', mimeType: 'text/csv', buffer: Buffer.from('Họ tên;Điện thoại\r\nA;0915000001\r\n', 'latin1') });
      await page.getByRole('button', { name: t('vi', 'imports.upload.submit') }).click();
      await expectVisible(page.getByText(t('vi', 'customerImport.errors.bad_encoding'), { exact: true }), 'the encoding refusal, in Vietnamese, on the encoding field');
      await screenshot(page, 'import-bad-encoding-vi-dark');
    });

    await step("restores sales1's language and color scheme", async () => {
      await restorePreferences(page, original!);
      restored = true;
    });
  } finally {
    if (original && !restored) await restorePreferences(page, original).catch((error) => console.error(`clean-up failed: ${error}`));
    await context.close();
  }
});
