import { iso } from '../../platform/http/common-schemas.ts';
import type { ActivityRow } from './activities.repository.ts';

type Row = ActivityRow & { overdue?: boolean };

export function presentActivity(a: Row) {
  return {
    id: a.id,
    type: a.type as 'CALL',
    subject: a.subject,
    description: a.description,
    customer: a.customer,
    opportunityId: a.opportunityId,
    ticketId: a.ticketId,
    startAt: a.startAt.toISOString(),
    endAt: iso(a.endAt),
    durationMinutes: a.durationMinutes,
    allDay: a.allDay,
    status: a.status as 'PLANNED',
    priority: a.priority as 'NORMAL',
    owner: a.owner,
    participants: a.participants ?? [],
    outcome: a.outcome,
    nextSteps: a.nextSteps,
    followUpAt: iso(a.followUpAt),
    completedAt: iso(a.completedAt),
    ...(a.overdue !== undefined ? { overdue: a.overdue } : {}),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}
