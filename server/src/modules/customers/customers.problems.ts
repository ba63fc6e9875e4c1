import { defineProblems } from '../../platform/http/problems.ts';

/** The problem codes this module answers with (see platform/http/problems.ts). */
export const customerProblems = defineProblems({
  duplicate_customer: { status: 409, title: 'Customer already exists' },
  already_customer: { status: 409, title: 'Lead already converted' },
  conversion_incomplete: { status: 422, title: 'Lead lacks data for conversion' },
  inactive_customer: { status: 422, title: 'Customer is inactive' },
  merge_with_itself: { status: 422, title: 'Cannot merge a customer with itself' },
  merge_inactive: { status: 422, title: 'Cannot merge an inactive customer' },
  merge_conflict: { status: 409, title: 'Merge conflicts with a unique value' },
  invalid_merge_rule: { status: 422, title: 'Merge rule not valid' },
  invoice_not_payable: { status: 409, title: 'Invoice cannot be paid' },
  invoice_not_cancellable: { status: 409, title: 'Invoice cannot be cancelled' },
  invoice_has_payments: { status: 409, title: 'Invoice has payments' },
  overpayment: { status: 422, title: 'Payment exceeds the amount due' },
});

declare module '../../platform/http/problems.ts' {
  interface ProblemRegistry extends Record<keyof typeof customerProblems, true> {}
}
