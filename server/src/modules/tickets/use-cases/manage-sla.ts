import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, diff } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound, staleVersion } from '../../../platform/http/errors.ts';
import type { SlaPolicyInput } from '../sla.contracts.ts';
import * as repo from '../sla.repository.ts';

/**
 * History rows are keyed by uuid; a policy is keyed by its priority (1–5), so each priority has a
 * fixed, well-known id: 00000000-0000-4000-8000-00000000000<priority>.
 */
export const slaPolicyEntityId = (priority: number) => `00000000-0000-4000-8000-${String(priority).padStart(12, '0')}`;

/** Staff read the targets (permission tickets.sla.read: clients never see the desk's yardsticks). */
export async function listSlaPolicies(ctx: AppContext) {
  return repo.listPolicies(ctx.database.db);
}

/** A new policy applies to tickets created (or re-prioritised, or reopened) from now on. */
export async function updateSlaPolicy(ctx: AppContext, actor: Actor, priority: number, version: number, input: SlaPolicyInput) {
  await ctx.database.transaction(async (tx) => {
    const before = await repo.findPolicy(tx, priority);
    if (!before) throw notFound('SLA policy');
    if (before.version !== version) throw staleVersion();
    const changes = diff(before as unknown as Record<string, unknown>, input as Record<string, unknown>);
    if (!changes.length) return;
    if (!(await repo.updatePolicy(tx, priority, version, input))) throw staleVersion();
    await appendHistory(tx, { entityType: 'ticket_sla_policy', entityId: slaPolicyEntityId(priority), actorId: actor.userId, action: 'updated', changes, internal: true });
  });
  return (await repo.findPolicy(ctx.database.db, priority))!;
}
