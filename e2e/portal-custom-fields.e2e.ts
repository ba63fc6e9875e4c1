/**
 * Ticket custom fields and clients (issue 10 defect 1, decision 0007): the admin shows a ticket field
 * to clients as editable (the client access select of the custom field form); client1 files an HR
 * ticket from the portal with that field filled, and sees its value on the ticket; agent2 sees it in
 * the staff ticket's custom fields card. The field is switched off at the end, so the other suites'
 * forms stay as they were.
 */
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './lib/accounts.ts';
import { newContext } from './lib/browser.ts';
import { expectPath, expectText, expectTrue, expectValue, expectVisible } from './lib/expect.ts';
import { t } from './lib/i18n.ts';
import { runSuite } from './lib/run.ts';
import { screenshot } from './lib/screenshot.ts';
import { homePath, readMe, signIn } from './lib/ui.ts';

const stamp = Date.now().toString(36);
const key = `order_ref_${stamp}`;
const label = `Order number ${stamp}`;
const orderRef = `ORD-${stamp}`;
const title = `Wrong payslip ${stamp}`;

const field = (scope: Page | Locator, name: string) => scope.getByLabel(new RegExp(`^${name.replace(/[()?]/g, '\\$&')}( \\*)?$`));

/** A request from inside the page (its session cookie and CSRF token), for arranging records. */
async function apiCall(page: Page, method: string, url: string, body?: unknown, version?: number): Promise<{ status: number; body: any }> {
  const me = await readMe(page);
  return page.evaluate(
    async ({ method, url, body, csrf, version }) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf ?? '' };
      if (version !== undefined) headers['If-Match'] = `"${version}"`;
      const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, body: await response.json() };
    },
    { method, url, body, csrf: me.csrfToken, version },
  );
}

await runSuite('portal-custom-fields', async ({ browser, step }) => {
  const adminContext = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const clientContext = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const admin = await adminContext.newPage();
  const client = await clientContext.newPage();
  let def: { id: string; version: number } | null = null;
  let number = '';
  try {
    await step('the admin defines a ticket field editable for clients; the form shows its client access', async () => {
      await signIn(admin, { email: 'admin@demo.test', password: DEMO_PASSWORD, language: 'en' });
      await expectPath(admin, homePath('admin'));
      const created = await apiCall(admin, 'POST', '/api/v1/custom-fields', { entity: 'ticket', key, label: { en: label }, type: 'text', clientAccess: 'editable' });
      expectTrue(created.status === 201, `the field was not created: ${JSON.stringify(created.body)}`);
      def = created.body;
      await admin.goto('/admin/custom-fields');
      await expectVisible(admin.getByRole('heading', { name: t('en', 'customFields.title'), exact: true }), 'the custom fields page');
      await admin.locator('.mantine-SegmentedControl-root').getByText(t('en', 'customFields.entity.ticket'), { exact: true }).click();
      const row = admin.getByRole('row').filter({ hasText: key });
      await expectText(row, t('en', 'customFields.clientAccessOptions.editable'), 'the client access column');
      await row.getByRole('button', { name: `${t('en', 'common.edit')}: ${key}` }).click();
      await expectValue(admin.getByRole('combobox', { name: t('en', 'customFields.clientAccess'), exact: true }), t('en', 'customFields.clientAccessOptions.editable'), 'the client access select');
      await screenshot(admin, 'admin-custom-field-client-access-en-light');
      await admin.getByRole('button', { name: t('en', 'common.cancel'), exact: true }).click();
    });

    await step('client1 files an HR ticket with the editable field and sees its value', async () => {
      await signIn(client, { email: 'client1@demo.test', password: DEMO_PASSWORD, language: 'en' });
      await expectPath(client, homePath('client'));
      await client.goto('/portal/tickets/new?type=hr');
      await expectVisible(client.getByRole('heading', { name: t('en', 'portalTickets.newTicket.formTitle', { type: 'HR' }), exact: true }), 'the HR form');
      await field(client, t('en', 'tickets.fields.title')).fill(title);
      await field(client, t('en', 'tickets.fields.description')).fill(`My payslip for March is wrong (${stamp}).`);
      await client.getByRole('combobox', { name: 'Topic', exact: true }).click();
      await client.getByRole('option', { name: 'Payroll', exact: true }).click();
      await field(client, label).fill(orderRef);
      await screenshot(client, 'portal-new-ticket-custom-field-en-light');
      await client.getByRole('button', { name: t('en', 'portalTickets.form.submit'), exact: true }).click();
      await expectPath(client, /^\/portal\/tickets\/TCK-\d{6,}$/);
      number = new URL(client.url()).pathname.split('/').pop()!;
      const details = client.getByRole('region', { name: t('en', 'portalTickets.ticket.details') });
      await expectText(details, label, 'the custom field label on the ticket');
      await expectText(details, orderRef, 'the custom field value on the ticket');
      await screenshot(client, 'portal-ticket-custom-field-en-light');
    });

    await step('agent2 sees the value in the ticket’s custom fields card', async () => {
      const agentContext = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
      try {
        const agent = await agentContext.newPage();
        await signIn(agent, { email: 'agent2@demo.test', password: DEMO_PASSWORD, language: 'en' });
        await expectPath(agent, homePath('agent'));
        await agent.goto(`/tickets/${number}`);
        await expectVisible(agent.getByRole('heading', { name: t('en', 'tickets.customFields'), exact: true }), 'the custom fields card');
        await expectValue(field(agent, label), orderRef, 'the value in the staff form');
        await field(agent, label).scrollIntoViewIfNeeded();
        await screenshot(agent, 'agent-ticket-custom-field-en-light');
      } finally {
        await agentContext.close();
      }
    });
  } finally {
    const d = def as { id: string; version: number } | null;
    if (d) await apiCall(admin, 'PATCH', `/api/v1/custom-fields/${d.id}`, { active: false }, d.version).catch((error) => console.error(`clean-up failed: ${error}`));
    await adminContext.close();
    await clientContext.close();
  }
});
