import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { CustomerSection } from '../../platform/module.ts';

export type { CreatedCustomer, CustomerSection } from '../../platform/module.ts';

/**
 * What the modules add to a customer (their `customer` contribution in the module definition), so this
 * module imports none of them: the sections of the 360° view and timeline this actor may see, and the
 * work done in the transaction that creates a customer.
 */
export function customerSections(ctx: AppContext, actor: Actor): CustomerSection[] {
  return ctx.modules.flatMap((m) => m.customer?.sections ?? []).filter((section) => section.visibleTo(actor));
}

export function onCustomerCreated(ctx: AppContext) {
  return ctx.modules.flatMap((m) => m.customer?.onCreated ?? []);
}
