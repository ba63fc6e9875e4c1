import { describe, expect, it } from 'vitest';
import { fieldLabel } from './fieldLabel.ts';

describe('fieldLabel', () => {
  const field = { label: 'System', labels: { vi: 'Hệ thống', bg: '  ' } };

  it("uses the user's language when the field has a label in it", () => {
    expect(fieldLabel(field, 'vi')).toBe('Hệ thống');
    expect(fieldLabel(field, 'vi-VN')).toBe('Hệ thống');
  });

  it('falls back to `label` for a missing or blank translation, or no `labels` at all', () => {
    expect(fieldLabel(field, 'zh')).toBe('System');
    expect(fieldLabel(field, 'bg')).toBe('System');
    expect(fieldLabel({ label: 'System' }, 'vi')).toBe('System');
  });
});
