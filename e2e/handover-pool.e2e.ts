/**
 * CUS-6 and CUS-7 in the browser. The admin creates a NEW sales rep owning a customer (never the
 * shared demo users), deactivates them, and the handover walks through every stage, each step by
 * the right person: the admin prepares on behalf of the leaver, the manager (Vietnamese, dark)
 * sends it back and approves, sales1 accepts. Then sales1 recycles that customer to the pool by
 * hand and sales2 (Vietnamese, dark) claims it.
 */
import type { Page } from 'playwright-core';
import { newContext } from './lib/browser.ts';
import { DEMO_PASSWORD } from './lib/accounts.ts';
import { expectAbsent, expectEqual, expectPath, expectText, expectVisible } from './lib/expect.ts';
import { t, type Language } from './lib/i18n.ts';
import { runSuite } from './lib/run.ts';
import { screenshot } from './lib/screenshot.ts';
import { apiJson, signIn } from './lib/ui.ts';

const stamp = Date.now().toString(36);
const leaver = { name: `Leaving Rep ${stamp}`, email: `leaver-${stamp}@example.test`, password: `e2e-pass-${stamp}` };
const customerName = `Handover Test Co ${stamp}`;

const toast = (page: Page, text: string) => page.locator('.mantine-Notification-root').filter({ hasText: text });
const stageBadge = (page: Page) => page.getByTestId('handover-stage');

async function pick(page: Page, testId: string, search: string, option: string | RegExp) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

await runSuite('handover and pool', async ({ browser, step }) => {
  const adminContext = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const admin = await adminContext.newPage();
  const managerContext = await newContext(browser, { locale: 'vi-VN', colorScheme: 'dark' });
  const manager = await managerContext.newPage();
  const salesContext = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const sales1 = await salesContext.newPage();
  const sales2Context = await newContext(browser, { locale: 'vi-VN', colorScheme: 'dark' });
  const sales2 = await sales2Context.newPage();
  let customerNumber = '';
  let handoverId = '';

  await step('the admin creates a new sales rep who owns a customer with an active contract, then deactivates them', async () => {
    await signIn(admin, { email: 'admin@demo.test', password: DEMO_PASSWORD, language: 'en' });
    await expectPath(admin, '/');
    const teams = await apiJson<{ items: { id: string; kind: string }[] }>(admin, 'GET', '/api/v1/teams');
    const salesTeam = teams.items.find((x) => x.kind === 'SALES')!.id;
    const user = await apiJson<{ id: string }>(admin, 'POST', '/api/v1/users', { ...leaver, role: 'sales', teamIds: [salesTeam] });
    const customer = await apiJson<{ id: string; number: string }>(admin, 'POST', '/api/v1/customers', {
      type: 'company', companyName: customerName, email: `contact-${stamp}@example.test`, country: 'VN', ownerId: user.id,
    });
    customerNumber = customer.number;
    await apiJson(admin, 'POST', `/api/v1/customers/${customer.id}/contracts`, { title: 'Annual support', value: '24000000', status: 'ACTIVE' });
    await apiJson(admin, 'POST', `/api/v1/users/${user.id}/deactivate`, {});
  });

  await step('the handover appears in Preparation with a checklist generated from the data', async () => {
    await admin.getByRole('navigation').getByRole('link', { name: t('en', 'handover.nav'), exact: true }).click();
    await expectPath(admin, '/handovers');
    const link = admin.getByRole('link', { name: customerName, exact: true });
    await expectVisible(link, 'the new handover in the Preparation tab');
    await screenshot(admin, 'handovers-en-light');
    await link.click();
    await expectPath(admin, /^\/handovers\/[0-9a-f-]{36}$/);
    handoverId = admin.url().split('/').pop()!;
    await expectText(stageBadge(admin), t('en', 'handover.stages.preparation'), 'the stage');
    await expectText(admin.getByTestId('item-contracts'), 'Annual support', 'the contracts item');
    await expectText(admin.getByTestId('item-opportunities'), t('en', 'handover.noneFound.opportunities'), 'the opportunities item');
  });

  await step('the admin chooses sales1 as receiver and completes the checklist on behalf of the leaver', async () => {
    await pick(admin, 'handover-receiver', 'Sam', /^Sam Sales/);
    await expectVisible(toast(admin, t('en', 'handover.receiverSaved')), 'the "receiver saved" toast');
    for (const kind of ['basic_info', 'opportunities', 'contracts', 'service_tickets', 'payment_issues']) {
      // The box follows the server's answer: click, then wait for it to show as checked.
      await admin.getByRole('checkbox', { name: t('en', `handover.items.${kind}`) }).click();
      await expectVisible(admin.getByRole('checkbox', { name: t('en', `handover.items.${kind}`), checked: true }), `the ${kind} item ticked`);
    }
    await expectText(admin.getByText(t('en', 'handover.itemsDone', { done: 5, total: 5 })), '5', 'the checklist counter');
    await screenshot(admin, 'handover-preparation-en-light');
    await admin.getByRole('button', { name: t('en', 'handover.submit'), exact: true }).click();
    await expectText(stageBadge(admin), t('en', 'handover.stages.review'), 'the stage after submitting');
  });

  const vi: Language = 'vi';
  await step('the manager (vi, dark) sends it back with a reason; the admin submits again', async () => {
    await signIn(manager, { email: 'manager@demo.test', password: DEMO_PASSWORD, language: vi });
    await expectPath(manager, '/');
    await manager.goto(`/handovers/${handoverId}`);
    await expectText(stageBadge(manager), t(vi, 'handover.stages.review'), 'the stage seen by the manager');
    await manager.getByRole('button', { name: t(vi, 'handover.sendBack'), exact: true }).click();
    const dialog = manager.getByRole('dialog', { name: t(vi, 'handover.sendBackTitle') });
    await dialog.getByLabel(t(vi, 'handover.sendBackReason')).fill('Ghi rõ lịch thanh toán của hợp đồng');
    await dialog.getByRole('button', { name: t(vi, 'handover.sendBack'), exact: true }).click();
    await expectText(stageBadge(manager), t(vi, 'handover.stages.preparation'), 'the stage after sending back');
    await expectVisible(manager.getByRole('alert').filter({ hasText: 'Ghi rõ lịch thanh toán của hợp đồng' }), 'the reason on the page');
    await screenshot(manager, 'handover-sent-back-vi-dark');
    await admin.reload();
    await expectVisible(admin.getByRole('alert').filter({ hasText: 'Ghi rõ lịch thanh toán của hợp đồng' }), 'the reason, seen by the admin');
    await admin.getByRole('button', { name: t('en', 'handover.submit'), exact: true }).click();
    await expectText(stageBadge(admin), t('en', 'handover.stages.review'), 'the stage after the second submit');
  });

  await step('sales1 cannot approve; the manager approves', async () => {
    await signIn(sales1, { email: 'sales1@demo.test', password: DEMO_PASSWORD, language: 'en' });
    await expectPath(sales1, '/');
    await sales1.goto(`/handovers/${handoverId}`);
    await expectText(stageBadge(sales1), t('en', 'handover.stages.review'), 'the stage seen by the receiver');
    expectEqual(await sales1.getByRole('button', { name: t('en', 'handover.approve'), exact: true }).count(), 0, 'approve buttons for the receiver');
    await manager.reload();
    await manager.getByRole('button', { name: t(vi, 'handover.approve'), exact: true }).click();
    await expectText(stageBadge(manager), t(vi, 'handover.stages.confirmation'), 'the stage after approval');
  });

  await step('sales1 accepts: the handover completes and the customer is theirs', async () => {
    await sales1.reload();
    await sales1.getByRole('button', { name: t('en', 'handover.accept'), exact: true }).click();
    await expectText(stageBadge(sales1), t('en', 'handover.stages.completed'), 'the stage after accepting');
    await sales1.evaluate(() => window.scrollTo(0, 0));
    await screenshot(sales1, 'handover-completed-en-light');
    const mail = await apiJson<{ items: { to: string; subject: string }[] }>(admin, 'GET', '/api/v1/admin/mail');
    const sent = mail.items.find((m) => m.to === `contact-${stamp}@example.test`);
    expectEqual(sent?.subject, 'Người liên hệ mới của Quý khách: Sam Sales', 'the mail to the customer');
  });

  await step('sales1 recycles the customer to the pool by hand, with a reason', async () => {
    await sales1.getByRole('navigation').getByRole('link', { name: t('en', 'pool.nav'), exact: true }).click();
    await expectPath(sales1, '/customers/pool');
    await sales1.getByRole('button', { name: t('en', 'pool.recycle'), exact: true }).click();
    const dialog = sales1.getByRole('dialog', { name: t('en', 'pool.recycleTitle') });
    await pick(sales1, 'recycle-customer', customerNumber, new RegExp(customerNumber));
    await dialog.getByLabel(t('en', 'pool.recycleReason')).fill('Prefers a Vietnamese-speaking contact');
    await dialog.getByRole('button', { name: t('en', 'pool.recycle'), exact: true }).click();
    await expectVisible(toast(sales1, t('en', 'pool.recycled')), 'the "recycled" toast');
    await expectVisible(sales1.getByTestId(`pool-row-${customerNumber}`), 'the customer in the pool');
    await screenshot(sales1, 'pool-en-light');
  });

  await step('sales2 (vi, dark) finds it in the pool and claims it', async () => {
    await signIn(sales2, { email: 'sales2@demo.test', password: DEMO_PASSWORD, language: vi });
    await expectPath(sales2, '/');
    await sales2.getByRole('navigation').getByRole('link', { name: t(vi, 'pool.nav'), exact: true }).click();
    await expectPath(sales2, '/customers/pool');
    await sales2.getByPlaceholder(t(vi, 'pool.searchPlaceholder')).fill(customerNumber);
    const row = sales2.getByTestId(`pool-row-${customerNumber}`);
    await expectVisible(row, 'the recycled customer for sales2');
    await expectAbsent(sales2.locator('[data-testid^="pool-row-"]').nth(1), 'other pool rows once the search applies');
    await screenshot(sales2, 'pool-vi-dark');
    await row.getByRole('button', { name: t(vi, 'pool.claim'), exact: true }).click();
    await expectVisible(toast(sales2, t(vi, 'pool.claimed', { name: customerName })), 'the "claimed" toast');
    await expectVisible(sales2.getByText(t(vi, 'pool.emptyTitle')), 'the empty search result after claiming');
    const history = await apiJson<{ items: { status: string; takenBy: { name: string } | null }[] }>(sales2, 'GET', `/api/v1/pool/customers/${customerNumber}/history`);
    expectEqual(history.items[0]?.status, 'claimed', 'the pool history');
    expectEqual(history.items[0]?.takenBy?.name, 'Lan Tran', 'who took it');
  });

  await step('the admin changes the pool rule on the pool page (and puts it back)', async () => {
    await admin.goto('/customers/pool');
    const summary = (days: number) => t('en', 'pool.rule.summary', { inactiveDays: days, holdingLimit: 1000, cooldownDays: 7 });
    await expectVisible(admin.getByText(summary(30), { exact: true }), 'the rule in one sentence');
    for (const days of [45, 30]) {
      await admin.getByRole('button', { name: t('en', 'pool.rule.edit'), exact: true }).click();
      const input = admin.getByLabel(t('en', 'pool.rule.inactiveDays'));
      await input.fill(String(days));
      if (days === 45) await screenshot(admin, 'pool-rule-en-light');
      await admin.getByRole('button', { name: t('en', 'pool.rule.save'), exact: true }).click();
      await expectVisible(admin.getByText(summary(days), { exact: true }), `the rule with ${days} days`);
    }
  });

  await step('the handover list in Vietnamese shows the completed handover', async () => {
    await manager.goto('/handovers');
    await manager.getByRole('tab', { name: new RegExp(t(vi, 'handover.stages.completed')) }).click();
    await expectVisible(manager.getByRole('link', { name: customerName, exact: true }), 'the completed handover');
    await screenshot(manager, 'handovers-vi-dark');
  });
});
