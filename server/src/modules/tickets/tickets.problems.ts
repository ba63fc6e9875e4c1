import { defineProblems } from '../../platform/http/problems.ts';

/** The problem codes this module answers with (see platform/http/problems.ts). */
export const ticketProblems = defineProblems({
  ticket_closed: { status: 422, title: 'Ticket closed' },
  field_not_allowed: { status: 422, title: 'Field not allowed for this role' },
  custom_fields_required: { status: 422, title: 'Required fields missing' },
  no_customer: { status: 422, title: 'Ticket needs a customer' },
  escalation_not_allowed: { status: 422, title: 'Escalation not allowed' },
  not_rateable: { status: 422, title: 'Ticket cannot be rated' },
  self_relation: { status: 422, title: 'Ticket related to itself' },
  duplicate_key: { status: 409, title: 'Key already used' },
});

declare module '../../platform/http/problems.ts' {
  interface ProblemRegistry extends Record<keyof typeof ticketProblems, true> {}
}
