import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './activities.api.ts';

describe('datetime-local values in the user\'s time zone', () => {
  it('reads a typed time in the given zone, whatever the browser zone is', () => {
    expect(fromLocalInput('2026-11-25T10:00', 'Asia/Ho_Chi_Minh')).toBe('2026-11-25T03:00:00.000Z');
    expect(fromLocalInput('2026-11-25T10:00', 'UTC')).toBe('2026-11-25T10:00:00.000Z');
    expect(fromLocalInput('2026-07-01T09:30', 'Europe/Sofia')).toBe('2026-07-01T06:30:00.000Z');
    expect(fromLocalInput('2026-01-15T09:30', 'Europe/Sofia')).toBe('2026-01-15T07:30:00.000Z');
  });

  it('shows an instant as the wall clock of the zone', () => {
    expect(toLocalInput('2026-11-25T03:00:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('2026-11-25T10:00');
    expect(toLocalInput('2026-11-24T23:30:00.000Z', 'Asia/Shanghai')).toBe('2026-11-25T07:30');
  });

  it('round-trips across a daylight-saving change', () => {
    const iso = fromLocalInput('2026-03-29T05:00', 'Europe/Sofia')!;
    expect(iso).toBe('2026-03-29T02:00:00.000Z');
    expect(toLocalInput(iso, 'Europe/Sofia')).toBe('2026-03-29T05:00');
  });

  it('gives null for an empty or malformed value', () => {
    expect(fromLocalInput('', 'UTC')).toBeNull();
    expect(fromLocalInput('25/11/2026 10:00', 'UTC')).toBeNull();
  });
});
