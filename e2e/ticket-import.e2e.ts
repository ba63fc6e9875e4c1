/**
 * PLT-9 / TKT-11 through the ticket import's steps (the customer import's machinery): the admin
 * uploads a CSV whose headers are not the field names, most columns are matched automatically (a
 * ticket custom field by its label), two are mapped by hand and one left ignored; the preview names
 * the one bad row and its field; two tickets are created with the custom value. The same file again,
 * in Vietnamese and dark: both rows are duplicates of the new tickets by external reference and the
 * "update" choice updates them. Pages captured in English light and Vietnamese dark.
 */
import { DEMO_PASSWORD } from './lib/accounts.ts';
import { newContext } from './lib/browser.ts';
import { expectColorScheme, expectEqual, expectPath, expectText, expectTrue, expectVisible } from './lib/expect.ts';
import { t } from './lib/i18n.ts';
import { runSuite } from './lib/run.ts';
import { screenshot } from './lib/screenshot.ts';
import { apiJson, chooseColorScheme, chooseLanguage, type MeView, readMe, restorePreferences, signIn } from './lib/ui.ts';

const stamp = Date.now().toString(36);
const key = `e2e_contract_${stamp}`;
const label = `Contract ${stamp}`;

await runSuite('ticket-import', async ({ browser, step }) => {
  const context = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const page = await context.newPage();
  let original: Pick<MeView, 'language' | 'colorScheme'> | null = null;
  let restored = false;
  let fieldId: string | null = null;
  let csv = '';
  const upload = async (language: 'en' | 'vi') => {
    await page.locator('input[type=file]').setInputFiles({ name: 'e2e-calls.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: t(language, 'imports.upload.submit') }).click();
    await expectText(page.getByText('e2e-calls.csv'), /3/, 'the file name and row count');
  };
  const choose = async (column: string, option: string) => {
    await page.locator(`input[aria-label="${column}"]`).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  try {
    await step('the admin opens Import tickets from the navigation', async () => {
      await signIn(page, { email: 'admin@demo.test', password: DEMO_PASSWORD, language: 'en' });
      await expectPath(page, '/');
      const me = await readMe(page);
      original = { language: me.language, colorScheme: me.colorScheme };
      const field = await apiJson<{ id: string }>(page, 'POST', '/api/v1/custom-fields', { entity: 'ticket', key, label, type: 'text' });
      fieldId = field.id;
      const customers = await apiJson<{ items: { number: string }[] }>(page, 'GET', '/api/v1/customers?limit=1');
      const customer = customers.items[0].number;
      // Row 3: priority 9 (1–5 only). "Kind" and "Topic" are no known header words; "Notes" stays ignored.
      csv = [
        `Subject,Details,Kind,Client,Topic,Priority,Reference,${label},Notes`,
        `Call back ${stamp},Asked about the renewal,hr,${customer},Leave,4,E2E-${stamp}-1,C-1001,scribble`,
        `Bad priority ${stamp},Priority out of range,hr,${customer},Leave,9,E2E-${stamp}-2,C-1002,`,
        `Send offer ${stamp},Wants the price list,hr,${customer},Leave,2,E2E-${stamp}-3,C-1003,`,
      ].join('\r\n');
      await page.getByRole('navigation').getByRole('link', { name: t('en', 'ticketImport.nav'), exact: true }).click();
      await expectPath(page, '/tickets/import');
      await expectVisible(page.getByRole('heading', { name: t('en', 'ticketImport.title') }), 'the import page');
      await expectColorScheme(page, 'light');
      await screenshot(page, 'ticket-import-upload-en-light');
    });

    await step('uploads the CSV: columns matched to ticket fields, two mapped by hand', async () => {
      await upload('en');
      const expected: [string, string][] = [
        ['Subject', t('en', 'ticketImport.fields.title')],
        ['Details', t('en', 'ticketImport.fields.description')],
        ['Client', t('en', 'ticketImport.fields.customer')],
        ['Priority', t('en', 'ticketImport.fields.priority')],
        ['Reference', t('en', 'ticketImport.fields.externalRef')],
        [label, label],
        ['Kind', t('en', 'imports.mapping.ignore')],
        ['Notes', t('en', 'imports.mapping.ignore')],
      ];
      for (const [column, target] of expected) expectEqual(await page.locator(`input[aria-label="${column}"]`).inputValue(), target, `the proposed target of ${column}`);
      await choose('Kind', t('en', 'ticketImport.fields.type'));
      await choose('Topic', t('en', 'ticketImport.typeField', { key: 'topic' }));
      await screenshot(page, 'ticket-import-mapping-en-light');
    });

    await step('the preview names exactly the bad row and its field', async () => {
      await page.getByRole('button', { name: t('en', 'imports.mapping.validate') }).click();
      const issues = page.getByTestId('import-issues');
      await expectVisible(issues, 'the problems table');
      const rows = issues.locator('tbody tr');
      expectEqual(await rows.count(), 1, 'problem rows');
      await expectText(rows.nth(0), /^3/, 'the problem row');
      await expectText(rows.nth(0), t('en', 'ticketImport.fields.priority'), 'the field of row 3');
      await screenshot(page, 'ticket-import-preview-en-light');
    });

    await step('creates the two good rows at once, with the custom field', async () => {
      await page.getByRole('button', { name: t('en', 'ticketImport.preview.commit', { count: 2 }) }).click();
      await expectVisible(page.getByTestId('ticket-import-done'), 'the "imported" message');
      const stat = (name: string) => page.locator('.mantine-Card-root').filter({ hasText: t('en', `imports.result.${name}`) }).first();
      await expectText(stat('created'), /2/, 'the created count');
      const numbers = await page.locator('a[href^="/tickets/TCK-"]').allTextContents();
      expectEqual(numbers.length, 2, 'links to the created tickets');
      const ticket = await apiJson<{ title: string; custom: Record<string, unknown> }>(page, 'GET', `/api/v1/tickets/${numbers[0]}`);
      expectTrue(ticket.title === `Call back ${stamp}` && ticket.custom[key] === 'C-1001', `the first ticket with its custom value: ${JSON.stringify(ticket)}`);
      await screenshot(page, 'ticket-import-result-en-light');
    });

    await step('the same file again, in Vietnamese and dark: both rows are duplicates, the changed one updates its ticket', async () => {
      await chooseLanguage(page, 'en', 'vi');
      await chooseColorScheme(page, 'vi', 'dark');
      await expectColorScheme(page, 'dark');
      await page.getByRole('button', { name: t('vi', 'ticketImport.result.another') }).click();
      await screenshot(page, 'ticket-import-upload-vi-dark');
      csv = csv.replace(`Call back ${stamp}`, `Call back again ${stamp}`);
      await upload('vi');
      await choose('Kind', t('vi', 'ticketImport.fields.type'));
      await choose('Topic', t('vi', 'ticketImport.typeField', { key: 'topic' }));
      await screenshot(page, 'ticket-import-mapping-vi-dark');
      await page.getByRole('button', { name: t('vi', 'imports.mapping.validate') }).click();
      const stat = (name: string) => page.locator('.mantine-Card-root').filter({ hasText: t('vi', `ticketImport.preview.${name}`) }).first();
      await expectText(stat('duplicates'), /2/, 'two existing tickets');
      await page.getByLabel(t('vi', 'ticketImport.preview.update')).check();
      await screenshot(page, 'ticket-import-preview-vi-dark');
      await page.getByRole('button', { name: t('vi', 'ticketImport.preview.commitUpdate', { count: 0, updates: 2 }) }).click();
      await expectVisible(page.getByTestId('ticket-import-done'), 'the Vietnamese "imported" message');
      const result = (name: string) => page.locator('.mantine-Card-root').filter({ hasText: t('vi', `imports.result.${name}`) }).first();
      await expectText(result('updated'), /1/, 'one ticket changed (the other row is as its ticket already is)');
      await screenshot(page, 'ticket-import-result-vi-dark');
    });

    await step("restores the admin's language and color scheme", async () => {
      await restorePreferences(page, original!);
      restored = true;
    });
  } finally {
    if (original && !restored) await restorePreferences(page, original).catch((error) => console.error(`clean-up failed: ${error}`));
    if (fieldId) await deactivate(fieldId).catch((error) => console.error(`clean-up failed: ${error}`));
    await context.close();
  }

  /** The run's custom field goes inactive again, so other flows see the ticket form as the demo has it. */
  async function deactivate(id: string) {
    const fields = await apiJson<{ items: { id: string; version: number }[] }>(page, 'GET', '/api/v1/custom-fields?entity=ticket');
    const field = fields.items.find((f) => f.id === id);
    const me = await readMe(page);
    await page.evaluate(
      async ({ id, version, csrf }) => fetch(`/api/v1/custom-fields/${id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf ?? '', 'If-Match': `"${version}"` }, body: JSON.stringify({ active: false }) }),
      { id, version: field?.version ?? 1, csrf: me.csrfToken },
    );
  }
});
