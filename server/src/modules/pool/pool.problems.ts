import { defineProblems } from '../../platform/http/problems.ts';

/** The problem codes this module answers with (see platform/http/problems.ts). */
export const poolProblems = defineProblems({
  pool_cooldown: { status: 409, title: 'Claim cool-down not over' },
  holding_limit_reached: { status: 422, title: 'Holding limit reached' },
  not_in_pool: { status: 409, title: 'Customer not in the pool' },
  already_in_pool: { status: 409, title: 'Customer already in the pool' },
  not_owner: { status: 403, title: 'Not the owner' },
  handover_open: { status: 409, title: 'Customer has an open handover' },
  invalid_owner: { status: 422, title: 'Owner cannot hold customers' },
  customer_inactive: { status: 422, title: 'Customer is inactive' },
});

declare module '../../platform/http/problems.ts' {
  interface ProblemRegistry extends Record<keyof typeof poolProblems, true> {}
}
