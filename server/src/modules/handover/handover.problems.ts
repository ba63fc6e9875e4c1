import { defineProblems } from '../../platform/http/problems.ts';

/** The problem codes this module answers with (see platform/http/problems.ts). */
export const handoverProblems = defineProblems({
  handover_wrong_stage: { status: 409, title: 'Handover is at another stage' },
  handover_wrong_person: { status: 403, title: 'Not the person this handover step belongs to' },
  checklist_incomplete: { status: 422, title: 'Checklist incomplete' },
  receiver_missing: { status: 422, title: 'No receiver chosen' },
  invalid_receiver: { status: 422, title: 'Receiver cannot take over' },
});

declare module '../../platform/http/problems.ts' {
  interface ProblemRegistry extends Record<keyof typeof handoverProblems, true> {}
}
