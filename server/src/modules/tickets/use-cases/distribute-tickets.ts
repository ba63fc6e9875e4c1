import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import * as repo from '../distribution.repository.ts';
import { emitUpdate } from '../tickets.realtime.ts';
import { ticketTexts as t } from '../tickets.texts.ts';

const BATCH = 200;
export type Agent = { userId: string; name: string; eligible: boolean };

/** The next eligible agent after `lastUserId` in the stable order, wrapping round; null if none is eligible. */
export function nextRoundRobin(agents: Agent[], lastUserId: string | null): Agent | null {
  const start = agents.findIndex((a) => a.userId === lastUserId) + 1;
  for (let k = 0; k < agents.length; k++) {
    const candidate = agents[(start + k) % agents.length];
    if (candidate.eligible) return candidate;
  }
  return null;
}

/** The eligible agent with the fewest open tickets; ties go to the first in (name, id) order. */
export function leastLoaded(agents: Agent[], loads: Map<string, number>): Agent | null {
  let best: Agent | null = null;
  for (const a of agents) if (a.eligible && (!best || (loads.get(a.userId) ?? 0) < (loads.get(best.userId) ?? 0))) best = a;
  return best;
}

/**
 * TKT-10: hands a component's waiting tickets (unassigned, status new) to its available agents, by
 * round robin or least open load. The component row is locked for the run and each assignment
 * re-checks that the ticket is still unassigned, so two processes never assign one ticket twice.
 */
export async function distributeComponent(ctx: AppContext, componentId: string): Promise<number> {
  const assigned = await ctx.database.transaction(async (tx) => {
    const component = await repo.lockComponent(tx, componentId);
    if (!component || !component.active || component.distribution === 'manual') return [];
    const agents = await repo.componentAgents(tx, componentId);
    if (!agents.some((a) => a.eligible)) return [];
    const waiting = await repo.lockWaitingTickets(tx, componentId, BATCH);
    if (!waiting.length) return [];
    const loads = component.distribution === 'least_load' ? await repo.openLoads(tx, agents.filter((a) => a.eligible).map((a) => a.userId)) : new Map<string, number>();
    let last = component.lastAssignedUserId;
    const done: { id: string; number: string; version: number }[] = [];
    for (const ticket of waiting) {
      const agent = component.distribution === 'least_load' ? leastLoaded(agents, loads) : nextRoundRobin(agents, last);
      if (!agent) break;
      const version = await repo.assignWaiting(tx, ticket.id, agent.userId);
      if (version === null) continue;
      const changes = [
        { field: 'processorId', from: null, to: agent.userId },
        { field: 'status', from: 'new', to: 'in_progress' },
      ];
      await appendHistory(tx, { entityType: 'ticket', entityId: ticket.id, actorId: null, action: 'assigned', changes });
      await recordEvent(tx, 'ticket.assigned', { ticketId: ticket.id, number: ticket.number, changes, actorId: null, distribution: component.distribution });
      await ctx.notifications.notify(tx, agent.userId, {
        kind: 'ticket.assigned',
        title: `${ticket.number} ${ticket.title}`.slice(0, 200),
        body: t.localized(component.distribution === 'least_load' ? 'notice.distributed.least_load' : 'notice.distributed.round_robin'),
        link: `/tickets/${ticket.number}`,
        data: { ticketId: ticket.id },
      });
      loads.set(agent.userId, (loads.get(agent.userId) ?? 0) + 1);
      last = agent.userId;
      done.push({ id: ticket.id, number: ticket.number, version });
    }
    if (last && last !== component.lastAssignedUserId) await repo.setLastAssigned(tx, componentId, last);
    return done;
  });
  if (assigned.length) ctx.afterCommit();
  for (const t of assigned) emitUpdate(ctx, t.id, t.number, ['processorId', 'status'], t.version);
  return assigned.length;
}

/** The minute job: every component that distributes and has tickets waiting. */
export async function distributeTickets(ctx: AppContext, componentId?: string): Promise<{ assigned: number }> {
  let assigned = 0;
  for (const id of componentId ? [componentId] : await repo.componentsToDistribute(ctx.database.db)) {
    for (;;) {
      const n = await distributeComponent(ctx, id);
      assigned += n;
      if (n < BATCH) break;
    }
  }
  return { assigned };
}

/**
 * Right after a ticket is created in a distributing component, so the creator already sees its
 * processor. The ticket is committed by then: a failure here only leaves it to the minute job.
 */
/**
 * distributeAfterCreate for a ticket whose component POST /tickets already knows distributes (its
 * lookups asked): hands out the component's waiting tickets at once. True when it ran.
 */
export async function distributeNewTicket(ctx: AppContext, componentId: string): Promise<boolean> {
  try {
    await distributeComponent(ctx, componentId);
  } catch (error) {
    ctx.log.warn({ err: error, componentId }, 'distribution after create failed; the tickets.distribute job will retry');
  }
  return true;
}

export async function distributeAfterCreate(ctx: AppContext, componentId: string | null | undefined): Promise<void> {
  if (!componentId) return;
  try {
    if (await repo.distributes(ctx.database.db, componentId)) await distributeComponent(ctx, componentId);
  } catch (error) {
    ctx.log.warn({ err: error, componentId }, 'distribution after create failed; the tickets.distribute job will retry');
  }
}
