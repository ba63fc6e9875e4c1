import { describe, expect, it } from 'vitest';
import { appendToDraft } from './composerInsert.ts';

describe('appendToDraft (a suggested article into the reply)', () => {
  it('starts an empty draft with the text', () => {
    expect(appendToDraft('', 'Reset: https://x/help/en/reset-password')).toBe('Reset: https://x/help/en/reset-password');
    expect(appendToDraft('  \n', 'A')).toBe('A');
  });
  it('keeps what the agent wrote and adds the text after one blank line', () => {
    expect(appendToDraft('Hello Ana,\n\n', 'Steps')).toBe('Hello Ana,\n\nSteps');
    expect(appendToDraft('Hello', 'Steps')).toBe('Hello\n\nSteps');
  });
});
