import { defineProblems } from '../../platform/http/problems.ts';

/** The problem codes this module answers with (see platform/http/problems.ts). */
export const knowledgeProblems = defineProblems({
  publish_not_allowed: { status: 403, title: 'Publishing is not allowed for your role' },
  translation_exists: { status: 409, title: 'The article already has this language' },
  slug_taken: { status: 409, title: 'Another article in this language has this address' },
  category_not_empty: { status: 409, title: 'The category still holds articles or sub-categories' },
  ticket_not_resolved: { status: 422, title: 'The ticket is not resolved' },
  ticket_without_answer: { status: 422, title: 'The ticket has no staff reply' },
});

declare module '../../platform/http/problems.ts' {
  interface ProblemRegistry extends Record<keyof typeof knowledgeProblems, true> {}
}
