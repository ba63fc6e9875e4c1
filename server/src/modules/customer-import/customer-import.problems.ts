import { defineProblems } from '../../platform/http/problems.ts';

/** The problem codes this module answers with (see platform/http/problems.ts). */
export const customerImportProblems = defineProblems({
  import_not_ready: { status: 422, title: 'Import not ready' },
  import_busy: { status: 422, title: 'Import is running' },
});

declare module '../../platform/http/problems.ts' {
  interface ProblemRegistry extends Record<keyof typeof customerImportProblems, true> {}
}
