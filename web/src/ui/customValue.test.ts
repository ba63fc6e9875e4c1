import { describe, expect, it } from 'vitest';
import { customValueText } from './customValue.ts';

const en = { yes: 'Yes', no: 'No', locale: 'en-GB' };

describe('a custom field value in a list cell', () => {
  it('shows each type readably, and nothing for a missing value', () => {
    expect(customValueText('checkbox', true, en)).toBe('Yes');
    expect(customValueText('checkbox', false, en)).toBe('No');
    expect(customValueText('multi-select', ['phone', 'web'], en)).toBe('phone, web');
    expect(customValueText('select', 'gold', en)).toBe('gold');
    expect(customValueText('text', 'ORD-42', en)).toBe('ORD-42');
    expect(customValueText('number', 1234.5, en)).toBe('1,234.5');
    expect(customValueText('number', 1234.5, { ...en, locale: 'bg-BG' })).toBe(new Intl.NumberFormat('bg-BG').format(1234.5));
    for (const missing of [undefined, null, '']) expect(customValueText('text', missing, en)).toBe('');
  });

  it('shows a date field as its calendar day, whatever the time zone (a day, not an instant)', () => {
    expect(customValueText('date', '2026-05-01', en)).toBe('1 May 2026');
    const vi = customValueText('date', '2026-12-31', { ...en, locale: 'vi-VN' });
    expect(vi).toMatch(/31/);
    expect(vi).toMatch(/2026/);
    expect(vi).not.toMatch(/30/);
    // Not a date after all (an old value of a retyped field): shown as stored rather than as "Invalid Date".
    expect(customValueText('date', 'soon', en)).toBe('soon');
  });
});
