import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import * as repo from '../config.repository.ts';
import { isClient } from '../tickets.policy.ts';

/** TKT-2: staff see every ticket type; clients only the active ones they may open tickets of. */
export async function readTicketTypes(ctx: AppContext, actor: Actor) {
  const types = await repo.listTypes(ctx.database.db);
  return isClient(actor) ? types.filter((t) => t.active) : types;
}

/** Components (queues) with their staff; clients see active components by name only. */
export async function readTicketComponents(ctx: AppContext, actor: Actor) {
  const components = await repo.listComponents(ctx.database.db);
  return isClient(actor) ? components.filter((c) => c.active).map((c) => ({ ...c, staff: [] })) : components;
}
