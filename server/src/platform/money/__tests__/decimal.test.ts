import { describe, expect, it } from 'vitest';
import { compareDecimal } from '../decimal.ts';

describe('compareDecimal', () => {
  it('compares exactly where a double cannot tell the amounts apart', () => {
    expect(Number('1000000000000000.01') > Number('1000000000000000.00')).toBe(false);
    expect(compareDecimal('1000000000000000.01', '1000000000000000.00')).toBe(1);
    expect(compareDecimal('9999999999999999.98', '9999999999999999.99')).toBe(-1);
  });

  it('ignores leading zeros and trailing decimal zeros', () => {
    expect(compareDecimal('007.50', '7.5')).toBe(0);
    expect(compareDecimal('0', '0.00')).toBe(0);
    expect(compareDecimal('10', '9.99')).toBe(1);
    expect(compareDecimal('0.1', '0.09')).toBe(1);
  });

  it('refuses what is not a plain non-negative decimal', () => {
    for (const bad of ['-1', '1e3', '', '1.2.3', ' 1']) expect(() => compareDecimal(bad, '1')).toThrow(TypeError);
  });
});
