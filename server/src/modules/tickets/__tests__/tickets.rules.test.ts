import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Role } from '../../../platform/permissions/roles.ts';
import { allowedTransitions, canEscalate, canRate, escalationRefusal, STATUSES, TRANSITIONS, transitionError } from '../tickets.policy.ts';
import { clientRefusals } from '../use-cases/ticket-rules.ts';

const actor = (role: Role): Actor => ({ userId: 'u', role, name: 'N', email: 'e', language: 'en', timeZone: 'UTC', branchId: null, customerId: role === 'client' ? 'c1' : null, teamIds: [], via: 'session' });

describe('ticket rules', () => {
  it('allows exactly the TKT-3 graph to staff', () => {
    const allowed = STATUSES.flatMap((from) => STATUSES.filter((to) => !transitionError(actor('agent'), from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      ['new→in_progress', 'in_progress→waiting_on_customer', 'in_progress→resolved', 'waiting_on_customer→in_progress', 'waiting_on_customer→resolved', 'resolved→closed', 'resolved→in_progress', 'closed→in_progress'].sort(),
    );
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...STATUSES].sort());
  });

  it('lets clients only close or reopen what staff resolved', () => {
    const c = actor('client');
    expect(transitionError(c, 'resolved', 'closed')).toBeNull();
    expect(transitionError(c, 'resolved', 'in_progress')).toBeNull();
    expect(transitionError(c, 'closed', 'in_progress')).toBeNull();
    expect(transitionError(c, 'new', 'in_progress')).toMatch(/Clients/);
    expect(transitionError(c, 'in_progress', 'resolved')).toMatch(/Clients/);
  });

  it('names each field a client may not set, and none for staff', () => {
    const input = { processorId: null, customerId: 'c2', source: 'email', tags: [], custom: {} };
    // Custom fields are checked one by one against the definitions (checkCustomFields: editable for clients or refused).
    expect(clientRefusals(actor('client'), input, 'create').map((e) => e.field).sort()).toEqual(['customerId', 'processorId', 'source', 'tags']);
    expect(clientRefusals(actor('client'), { customerId: 'c1', source: 'portal', componentId: 'x' }, 'create')).toEqual([]);
    expect(clientRefusals(actor('client'), { componentId: null, priority: 4 }, 'update').map((e) => e.field)).toEqual(['componentId', 'priority']);
    expect(clientRefusals(actor('agent'), input, 'create')).toEqual([]);
  });
});

describe('what the ticket detail offers (allowedTransitions, canEscalate)', () => {
  it('offers staff with tickets.write the whole graph, clients only close/reopen, and readers nothing', () => {
    for (const from of STATUSES) expect(allowedTransitions(actor('agent'), from)).toEqual(TRANSITIONS[from]);
    expect(allowedTransitions(actor('client'), 'resolved')).toEqual(['closed', 'in_progress']);
    expect(allowedTransitions(actor('client'), 'closed')).toEqual(['in_progress']);
    expect(allowedTransitions(actor('client'), 'new')).toEqual([]);
    expect(allowedTransitions(actor('client'), 'in_progress')).toEqual([]);
    expect(allowedTransitions(actor('auditor'), 'new')).toEqual([]);
  });

  it('offers escalation for priority 4 and 5 while open, to writers only', () => {
    expect(canEscalate(actor('agent'), { priority: 4, status: 'in_progress' })).toBe(true);
    expect(canEscalate(actor('client'), { priority: 5, status: 'waiting_on_customer' })).toBe(true);
    expect(canEscalate(actor('agent'), { priority: 3, status: 'new' })).toBe(false);
    expect(canEscalate(actor('agent'), { priority: 5, status: 'resolved' })).toBe(false);
    expect(canEscalate(actor('agent'), { priority: 5, status: 'closed' })).toBe(false);
    expect(canEscalate(actor('auditor'), { priority: 5, status: 'new' })).toBe(false);
    expect(escalationRefusal({ priority: 3, status: 'new' })?.field).toBe('priority');
    expect(escalationRefusal({ priority: 4, status: 'closed' })?.field).toBe('status');
  });

  it('offers rating to the client once resolved or closed, never to staff', () => {
    expect(canRate(actor('client'), { status: 'resolved' })).toBe(true);
    expect(canRate(actor('client'), { status: 'closed' })).toBe(true);
    expect(canRate(actor('client'), { status: 'waiting_on_customer' })).toBe(false);
    expect(canRate(actor('agent'), { status: 'resolved' })).toBe(false);
  });
});
