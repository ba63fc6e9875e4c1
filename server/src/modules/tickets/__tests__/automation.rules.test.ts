import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, dueDates, type SlaPolicy } from '../sla.ts';
import { planMerges, sameMatter } from '../use-cases/consolidate-tickets.ts';
import { type Agent, leastLoaded, nextRoundRobin } from '../use-cases/distribute-tickets.ts';

const at = (iso: string) => new Date(iso);
const policy = (over: Partial<SlaPolicy> = {}): SlaPolicy => ({ priority: 3, firstResponseMinutes: 240, resolutionMinutes: 2880, warnBeforeMinutes: 60, businessHours: false, timeZone: 'UTC', active: true, ...over });

describe('business hours (TKT-9): Mon–Fri 09:00–17:00 in the policy time zone', () => {
  it('counts within one working day', () => {
    // Tuesday 10:00 UTC + 90 minutes.
    expect(addBusinessMinutes(at('2026-12-01T10:00:00Z'), 90, 'UTC').toISOString()).toBe('2026-12-01T11:30:00.000Z');
  });

  it('stops the clock at 17:00 and over the weekend', () => {
    // Friday 16:30 + 60 → 30 on Friday, 30 on Monday.
    expect(addBusinessMinutes(at('2026-12-04T16:30:00Z'), 60, 'UTC').toISOString()).toBe('2026-12-07T09:30:00.000Z');
    // Five full working days from Tuesday 09:00 end on Monday 17:00.
    expect(addBusinessMinutes(at('2026-12-01T09:00:00Z'), 5 * 480, 'UTC').toISOString()).toBe('2026-12-07T17:00:00.000Z');
  });

  it('starts counting at the next opening when opened at night or on a weekend', () => {
    expect(addBusinessMinutes(at('2026-12-01T07:00:00Z'), 30, 'UTC').toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(addBusinessMinutes(at('2026-12-01T18:00:00Z'), 30, 'UTC').toISOString()).toBe('2026-12-02T09:30:00.000Z');
    expect(addBusinessMinutes(at('2026-12-05T12:00:00Z'), 30, 'UTC').toISOString()).toBe('2026-12-07T09:30:00.000Z');
  });

  it('reads 09:00–17:00 on the policy’s own wall clock, across a DST change', () => {
    // 08:00 UTC is 10:00 in Sofia (UTC+2 in winter): one hour later is 11:00 Sofia.
    expect(addBusinessMinutes(at('2026-12-01T08:00:00Z'), 60, 'Europe/Sofia').toISOString()).toBe('2026-12-01T09:00:00.000Z');
    // Friday 16:00 Sofia (UTC+2) + 3 h: one hour on Friday, two on Monday after the switch to UTC+3 → 11:00 Sofia = 08:00 UTC.
    expect(addBusinessMinutes(at('2026-03-27T14:00:00Z'), 180, 'Europe/Sofia').toISOString()).toBe('2026-03-30T08:00:00.000Z');
    // 09:00 UTC is 04:00 in New York: counting starts at 09:00 there (14:00 UTC).
    expect(addBusinessMinutes(at('2026-12-01T09:00:00Z'), 15, 'America/New_York').toISOString()).toBe('2026-12-01T14:15:00.000Z');
  });

  it('gives clock-minute targets, business-hour targets, and none for an inactive policy', () => {
    const created = at('2026-12-04T16:00:00Z');
    expect(dueDates(policy(), created)).toEqual({ firstResponseDueAt: at('2026-12-04T20:00:00Z'), resolutionDueAt: at('2026-12-06T16:00:00Z') });
    expect(dueDates(policy({ businessHours: true }), created)).toEqual({ firstResponseDueAt: at('2026-12-07T12:00:00Z'), resolutionDueAt: at('2026-12-14T16:00:00Z') });
    expect(dueDates(policy({ active: false }), created)).toEqual({ firstResponseDueAt: null, resolutionDueAt: null });
    expect(dueDates(null, created)).toEqual({ firstResponseDueAt: null, resolutionDueAt: null });
  });
});

describe('distribution pickers (TKT-10)', () => {
  const agents: Agent[] = [
    { userId: 'a', name: 'Anna', eligible: true },
    { userId: 'b', name: 'Boris', eligible: false },
    { userId: 'c', name: 'Chi', eligible: true },
  ];

  it('round robin continues after the last one, skips the unavailable and wraps', () => {
    expect(nextRoundRobin(agents, null)?.userId).toBe('a');
    expect(nextRoundRobin(agents, 'a')?.userId).toBe('c');
    expect(nextRoundRobin(agents, 'b')?.userId).toBe('c');
    expect(nextRoundRobin(agents, 'c')?.userId).toBe('a');
    expect(nextRoundRobin(agents, 'gone')?.userId).toBe('a');
    expect(nextRoundRobin(agents.map((a) => ({ ...a, eligible: false })), 'a')).toBeNull();
  });

  it('least load picks the fewest open tickets, ties by order, never an unavailable agent', () => {
    expect(leastLoaded(agents, new Map([['a', 3], ['b', 0], ['c', 2]]))?.userId).toBe('c');
    expect(leastLoaded(agents, new Map([['a', 2], ['b', 0], ['c', 2]]))?.userId).toBe('a');
  });
});

describe('consolidation plan (TKT-10)', () => {
  const t = (id: string, hoursAgo: number, title = 'Printer on floor 3 is jammed') => ({ id, number: id, title, status: 'new', createdAt: new Date(Date.UTC(2026, 11, 10) - hoursAgo * 3600_000) });

  it('merges newer tickets into the oldest within the window, measured from the one that stays', () => {
    const plan = planMerges([t('old', 50), t('a', 30), t('b', 20), t('c', 5)], 24);
    // a is 20 h after old → merged; b is 30 h after old → survives, and c (15 h after b) merges into b.
    expect(plan.map((m) => `${m.duplicate.id}→${m.survivor.id}`)).toEqual(['a→old', 'c→b']);
    expect(planMerges([t('x', 10)], 24)).toEqual([]);
  });

  it('merges only tickets whose titles name the same matter, in any script and ignoring accents', () => {
    const plan = planMerges([t('p1', 10), t('laptop', 9, 'Need a new laptop'), t('p2', 8, 'printer on floor 3 is JAMMED again'), t('vi', 7, 'Không in được hóa đơn'), t('vi2', 6, 'Khong in duoc hoa don')], 24);
    expect(plan.map((m) => `${m.duplicate.id}→${m.survivor.id}`)).toEqual(['p2→p1', 'vi2→vi']);
    expect(sameMatter('Login fails', 'Login fails again')).toBe(true);
    expect(sameMatter('发票金额显示错误', '发票金额显示错误')).toBe(true);
    expect(sameMatter('Login fails', 'Invoice total is wrong')).toBe(false);
  });
});
