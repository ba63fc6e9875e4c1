/**
 * TKT-9 targets as instants. Pure: no database, no clock. A policy counts clock minutes, or business
 * minutes (Mon–Fri 09:00–17:00 in the policy's time zone) when `businessHours` is set.
 */
export interface SlaPolicy {
  priority: number;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  warnBeforeMinutes: number;
  businessHours: boolean;
  timeZone: string;
  active: boolean;
}

export const BUSINESS_START_HOUR = 9;
export const BUSINESS_END_HOUR = 17;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of `instant` in `timeZone`, written as if it were UTC (so Date.UTC arithmetic works on it). */
function wallClock(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const ms = instant % 1000;
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second) + (ms < 0 ? ms + 1000 : ms);
}

/** The instant at which the wall clock in `timeZone` reads `wall`; offsets are re-read once so DST days come out right. */
function instantOf(wall: number, timeZone: string): number {
  let guess = wall - (wallClock(wall, timeZone) - wall);
  guess = wall - (wallClock(guess, timeZone) - guess);
  return guess;
}

const isWeekday = (wall: number) => {
  const day = new Date(wall).getUTCDay();
  return day >= 1 && day <= 5;
};
const startOfWallDay = (wall: number) => wall - (((wall % DAY) + DAY) % DAY);

/**
 * `minutes` of business time after `start`: time outside Mon–Fri 09:00–17:00 (local to `timeZone`)
 * does not count. A start outside business hours begins counting at the next opening.
 */
export function addBusinessMinutes(start: Date, minutes: number, timeZone: string): Date {
  let remaining = minutes * MINUTE;
  let wall = wallClock(start.getTime(), timeZone);
  for (;;) {
    const day = startOfWallDay(wall);
    const open = day + BUSINESS_START_HOUR * 60 * MINUTE;
    const close = day + BUSINESS_END_HOUR * 60 * MINUTE;
    if (!isWeekday(wall) || wall >= close) {
      wall = day + DAY + BUSINESS_START_HOUR * 60 * MINUTE;
      continue;
    }
    if (wall < open) wall = open;
    if (remaining <= close - wall) return new Date(instantOf(wall + remaining, timeZone));
    remaining -= close - wall;
    wall = day + DAY + BUSINESS_START_HOUR * 60 * MINUTE;
  }
}

/** One target: clock minutes, or business minutes when the policy says so. */
export function addTargetMinutes(start: Date, minutes: number, policy: Pick<SlaPolicy, 'businessHours' | 'timeZone'>): Date {
  return policy.businessHours ? addBusinessMinutes(start, minutes, policy.timeZone) : new Date(start.getTime() + minutes * MINUTE);
}

/** Both due dates counted from `from`; none when the priority has no active policy. */
export function dueDates(policy: SlaPolicy | null, from: Date): { firstResponseDueAt: Date | null; resolutionDueAt: Date | null } {
  if (!policy || !policy.active) return { firstResponseDueAt: null, resolutionDueAt: null };
  return { firstResponseDueAt: addTargetMinutes(from, policy.firstResponseMinutes, policy), resolutionDueAt: addTargetMinutes(from, policy.resolutionMinutes, policy) };
}
