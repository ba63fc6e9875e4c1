import { describe, expect, it } from 'vitest';
import { MODULES } from '../src/modules/registry.ts';
import type { AppContext } from '../src/platform/context.ts';
import type { Db } from '../src/platform/db/database.ts';
import { cataloguedEvents, type EventName, isCatalogued, validPayload } from '../src/platform/events/catalogue.ts';
import { recordEvent, recordEvents } from '../src/platform/events/outbox.ts';
import { notificationEvents } from '../src/platform/notifications/notifications.events.ts';

/**
 * The event catalogue (issue 9, item 5). Every recordEvent/recordEvents/subscribe call is typed by
 * the event's name: an event recorded anywhere that no catalogue declares, a name built at run time or
 * a wrong payload does not compile (`npm run typecheck` checks the lines below). What remains for run
 * time: each module's definition lists its own catalogue, and no name is declared by two.
 */
describe('domain event catalogue', () => {
  it('is exactly the modules\' catalogues plus the platform\'s, each name declared once', () => {
    const declared = [...MODULES.flatMap((m) => Object.keys(m.events ?? {})), ...Object.keys(notificationEvents)];
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual([...cataloguedEvents()].sort());
    for (const m of MODULES) for (const name of Object.keys(m.events ?? {})) expect(isCatalogued(name), name).toBe(true);
  });

  it('has the events each recording module writes', () => {
    const of = (name: string) => Object.keys(MODULES.find((m) => m.name === name)!.events ?? {}).sort();
    expect(of('identity')).toEqual(['user.activated', 'user.created', 'user.deactivated', 'user.position_changed']);
    expect(of('tickets')).toEqual(['ticket.assigned', 'ticket.auto_closed', 'ticket.created', 'ticket.escalated', 'ticket.merged', 'ticket.message', 'ticket.rated', 'ticket.sla_breached', 'ticket.status', 'ticket.updated']);
    expect(of('ticket-import')).toEqual(['tickets.bulk_created']);
    expect(of('customer-import')).toEqual(['customers.imported']);
  });

  it('validates a payload by its event\'s schema', () => {
    const ok = { ticketId: crypto.randomUUID(), number: 'TCK-000001', customerId: crypto.randomUUID(), componentId: null, actorId: crypto.randomUUID() };
    expect(validPayload('ticket.created', ok)).toEqual(ok);
    expect(() => validPayload('ticket.created', { ...ok, number: 'CUST-2026-000001' })).toThrow(/ticket\.created: invalid payload/);
    expect(() => validPayload('ticket.created', { ...ok, componentId: undefined })).toThrow(/invalid payload/);
    expect(() => validPayload('ticket.made', ok)).toThrow('event ticket.made: not in any event catalogue');
  });
});

/** Never called: these lines are checked by the compiler (each @ts-expect-error must be an error). */
export function typedByName(tx: Db, ctx: AppContext) {
  const ids = { ticketId: crypto.randomUUID(), number: 'TCK-000001', customerId: crypto.randomUUID(), componentId: null, actorId: crypto.randomUUID() };
  void recordEvent(tx, 'ticket.created', ids);
  // @ts-expect-error an event no catalogue declares
  void recordEvent(tx, 'ticket.craeted', ids);
  // @ts-expect-error a field missing from the payload
  void recordEvent(tx, 'ticket.created', { ticketId: ids.ticketId, number: ids.number });
  // @ts-expect-error a field of the wrong type
  void recordEvent(tx, 'ticket.created', { ...ids, componentId: 7 });
  const action: string = 'updated';
  // @ts-expect-error a name built at run time
  void recordEvent(tx, `ticket.${action}`, ids);
  // @ts-expect-error every payload of a batch is checked
  void recordEvents(tx, 'customer.created', [{ customerId: ids.customerId }]);
  ctx.events.subscribe('ticket.created', 'test.typed', async (p) => {
    const componentId: string | null = p.componentId;
    // @ts-expect-error subscribers see only the catalogued fields
    void p.title;
    void componentId;
  });
  // @ts-expect-error a subscription to an uncatalogued event
  ctx.events.subscribe('ticket.nothing', 'test.nothing', async () => undefined);
  const name: EventName = 'tickets.bulk_created';
  return name;
}
