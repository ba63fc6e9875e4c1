import { defineProblems } from '../../platform/http/problems.ts';

/** The problem codes this module answers with (see platform/http/problems.ts). */
export const ticketImportProblems = defineProblems({
  import_stale: { status: 409, title: 'Import preview outdated' },
  import_committed: { status: 409, title: 'Import already committed' },
  import_not_previewed: { status: 422, title: 'Import not previewed' },
});

declare module '../../platform/http/problems.ts' {
  interface ProblemRegistry extends Record<keyof typeof ticketImportProblems, true> {}
}
