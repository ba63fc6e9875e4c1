import { defineProblems } from '../../platform/http/problems.ts';

/** The problem codes this module answers with (see platform/http/problems.ts). */
export const identityProblems = defineProblems({
  invalid_credentials: { status: [401, 422], title: 'Wrong e-mail or password' },
  too_many_attempts: { status: 429, title: 'Too many failed sign-ins' },
  account_disabled: { status: 403, title: 'Account deactivated' },
  email_taken: { status: 409, title: 'E-mail already used' },
  own_role: { status: 422, title: 'Cannot change own role' },
  own_account: { status: 422, title: 'Cannot deactivate own account' },
  branch_code_taken: { status: 409, title: 'Branch code already used' },
  team_name_taken: { status: 409, title: 'Team name already used' },
});

declare module '../../platform/http/problems.ts' {
  interface ProblemRegistry extends Record<keyof typeof identityProblems, true> {}
}
