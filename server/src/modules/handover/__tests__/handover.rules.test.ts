import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../platform/auth/actor.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { buildChecklist } from '../handover.checklist.ts';
import { languageForCountry } from '../../../platform/i18n/languages.ts';
import { newContactMail } from '../handover.mail.ts';
import { allowedSteps, assertStep } from '../handover.policy.ts';
import { leavesPosition } from '../use-cases/start-handovers.ts';
import type { HandoverRow } from '../handover.repository.ts';

const actor = (userId: string, role: Actor['role']): Actor => ({
  userId, role, name: userId, email: `${userId}@x.test`, language: 'en', timeZone: 'UTC', branchId: null, customerId: null, teamIds: [], via: 'session',
});
const handover = (over: Partial<HandoverRow>) => ({ id: 'h', stage: 'preparation', fromOwnerId: 'leaver', toOwnerId: 'receiver', fromOwnerActive: false, ...over }) as HandoverRow;
const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? { status: error.status, code: error.code } : error;
  }
  return null;
};

describe('handover steps: the right person in the right stage', () => {
  const responsible = { isResponsible: true };
  const nobody = { isResponsible: false };

  it('lets the responsible manager prepare for an owner who left, and only the owner prepare while they stay', () => {
    expect(allowedSteps(actor('m', 'manager'), handover({}), responsible, true)).toEqual(['setReceiver', 'prepare', 'submit']);
    expect(allowedSteps(actor('m', 'manager'), handover({ fromOwnerActive: true }), responsible, true)).toEqual(['setReceiver']);
    expect(allowedSteps(actor('leaver', 'sales'), handover({ fromOwnerActive: true }), nobody, true)).toEqual(['prepare', 'submit']);
    expect(refusal(() => assertStep(actor('other', 'manager'), handover({}), 'prepare', nobody))).toEqual({ status: 403, code: 'handover_wrong_person' });
  });

  it('never lets the original owner review their own handover, and only the receiver accept', () => {
    expect(refusal(() => assertStep(actor('leaver', 'manager'), handover({ stage: 'review', fromOwnerActive: true }), 'review', responsible))).toEqual({ status: 403, code: 'handover_wrong_person' });
    expect(refusal(() => assertStep(actor('m', 'manager'), handover({ stage: 'review' }), 'review', responsible))).toBeNull();
    expect(refusal(() => assertStep(actor('admin', 'admin'), handover({ stage: 'confirmation' }), 'accept', responsible))).toEqual({ status: 403, code: 'handover_wrong_person' });
    expect(refusal(() => assertStep(actor('receiver', 'sales'), handover({ stage: 'confirmation' }), 'accept', nobody))).toBeNull();
  });

  it('refuses a step of another stage with 409 before looking at the person', () => {
    expect(refusal(() => assertStep(actor('receiver', 'sales'), handover({ stage: 'review' }), 'accept', nobody))).toEqual({ status: 409, code: 'handover_wrong_stage' });
    expect(refusal(() => assertStep(actor('m', 'manager'), handover({ stage: 'completed' }), 'review', responsible))).toEqual({ status: 409, code: 'handover_wrong_stage' });
  });
});

describe('handover checklist and customer mail', () => {
  it('builds the five items from the facts, counting what was found', () => {
    const items = buildChecklist({
      customer: { number: 'CUST-2026-000001', name: 'Acme', email: 'a@x.test', phone: null, level: 'normal', status: 'CUSTOMER' },
      opportunities: { available: false, rows: [] },
      tickets: { available: false, rows: [] },
      contracts: [{ label: 'CTR-1 Plan (10.00 VND)' }],
      invoices: [{ label: 'INV-1: 5.00 VND open' }, { label: 'INV-2: 7.00 VND open' }],
    });
    expect(items.map((i) => [i.kind, i.count])).toEqual([['basic_info', 1], ['opportunities', 0], ['contracts', 1], ['service_tickets', 0], ['payment_issues', 2]]);
    expect(items[4].details).toBe('• INV-1: 5.00 VND open\n• INV-2: 7.00 VND open');
  });

  it('writes to the customer in the language of their country, naming the new contact', () => {
    expect([languageForCountry('VN'), languageForCountry('bg'), languageForCountry('TW'), languageForCountry('GB'), languageForCountry(null)]).toEqual(['vi', 'bg', 'zh', 'en', 'en']);
    const mail = newContactMail('bg', { customerName: 'Балкан ООД', contactName: 'Sam Sales', contactEmail: 'sam@x.test', contactPhone: null });
    expect(mail.subject).toBe('Вашето ново лице за контакт: Sam Sales');
    expect(mail.text).toContain('sam@x.test');
    expect(mail.text).not.toContain('Телефон');
  });
});

describe('what counts as a change of position', () => {
  it('is a new role or leaving a team, not joining one more', () => {
    expect(leavesPosition([{ field: 'role', from: 'sales', to: 'manager' }])).toBe(true);
    expect(leavesPosition([{ field: 'teams', from: ['a'], to: ['b'] }])).toBe(true);
    expect(leavesPosition([{ field: 'teams', from: ['a'], to: [] }])).toBe(true);
    expect(leavesPosition([{ field: 'teams', from: ['a'], to: ['a', 'b'] }])).toBe(false);
    expect(leavesPosition([{ field: 'name', from: 'x', to: 'y' }])).toBe(false);
  });
});
