import { defineProblems } from '../../platform/http/problems.ts';

/** The problem codes this module answers with (see platform/http/problems.ts). */
export const activityProblems = defineProblems({
  activity_closed: { status: 422, title: 'Activity already closed' },
});

declare module '../../platform/http/problems.ts' {
  interface ProblemRegistry extends Record<keyof typeof activityProblems, true> {}
}
