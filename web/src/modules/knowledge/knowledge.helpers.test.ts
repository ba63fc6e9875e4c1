import { describe, expect, it } from 'vitest';
import { categoryName, categoryOptions, helpfulPercent, mergeChanged, siblingOrder, slugify, snippetRuns, withParam } from './knowledge.helpers.ts';

const cat = (id: string, parentId: string | null, position: number, en: string, vi?: string) => ({ id, parentId, slug: id, names: { en, vi }, position });

describe('knowledge helpers', () => {
  it('orders categories as a tree: parents by position, each followed by its indented children', () => {
    const options = categoryOptions(
      [cat('b-child', 'b', 1, 'Invoices'), cat('b', null, 2, 'Billing'), cat('a', null, 1, 'Accounts'), cat('a-2', 'a', 2, 'Password'), cat('a-1', 'a', 1, 'Login')],
      'en',
    );
    expect(options.map((o) => [o.value, o.depth])).toEqual([
      ['a', 0],
      ['a-1', 1],
      ['a-2', 1],
      ['b', 0],
      ['b-child', 1],
    ]);
    expect(options[1].label).toBe('Login');
    expect(options[0].label).toBe('Accounts');
  });

  it('moves a category among its siblings only, and not past either end', () => {
    const all = [cat('a', null, 10, 'Accounts'), cat('b', null, 20, 'Billing'), cat('c', null, 20, 'Calls'), cat('a-1', 'a', 0, 'Login')];
    expect(siblingOrder(all, 'c', -1).map((c) => c.id)).toEqual(['a', 'c', 'b']);
    expect(siblingOrder(all, 'a', -1).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(siblingOrder(all, 'b', 1).map((c) => c.id)).toEqual(['a', 'c', 'b']);
    expect(siblingOrder(all, 'a-1', 1).map((c) => c.id)).toEqual(['a-1']);
    expect(siblingOrder(all, 'gone', 1)).toEqual([]);
  });

  it('makes a readable address from a name in any of the Latin-script languages', () => {
    expect(slugify('Hóa đơn & VAT')).toBe('hoa-don-vat');
    expect(slugify('  Returns, refunds!  ')).toBe('returns-refunds');
    expect(slugify('发票')).toBe('');
  });

  it('keeps an orphan child at the top level and breaks ties by name', () => {
    const options = categoryOptions([cat('x', 'gone', 0, 'Zeta'), cat('y', null, 0, 'Alpha')], 'en');
    expect(options.map((o) => [o.value, o.depth])).toEqual([
      ['y', 0],
      ['x', 0],
    ]);
  });

  it("names a category in the reader's language, else English, else its slug", () => {
    expect(categoryName(cat('a', null, 0, 'Billing', 'Thanh toán'), 'vi')).toBe('Thanh toán');
    expect(categoryName(cat('a', null, 0, 'Billing'), 'bg')).toBe('Billing');
    expect(categoryName({ id: 'a', parentId: null, slug: 'billing', names: { en: ' ' }, position: 0 }, 'zh')).toBe('billing');
  });

  it('joins snippet parts into runs and drops empty ones', () => {
    expect(
      snippetRuns([
        { text: 'Reset your ', match: false },
        { text: '', match: true },
        { text: 'pass', match: true },
        { text: 'word', match: true },
        { text: ' here', match: false },
      ]),
    ).toEqual([
      { text: 'Reset your ', match: false },
      { text: 'password', match: true },
      { text: ' here', match: false },
    ]);
  });

  it('keeps markup in a snippet as text (rendered by React, not as HTML)', () => {
    expect(snippetRuns([{ text: '<img src=x onerror=alert(1)>', match: true }])).toEqual([{ text: '<img src=x onerror=alert(1)>', match: true }]);
  });

  it('computes the helpful share', () => {
    expect(helpfulPercent(0, 0)).toBeNull();
    expect(helpfulPercent(3, 1)).toBe(75);
  });

  it('sets and clears URL params', () => {
    const params = new URLSearchParams('q=reset&status=draft');
    expect(withParam(params, 'q', '').toString()).toBe('status=draft');
    expect(withParam(params, 'tag', 'vpn').toString()).toBe('q=reset&status=draft&tag=vpn');
  });

  it("keeps the user's changed fields and takes the others from the fresh version", () => {
    const base = { title: 'Reset', body: '<p>a</p>', tags: ['x'], status: 'draft' };
    const mine = { title: 'Reset (mine)', body: '<p>a</p>', tags: ['x', 'y'], status: 'draft' };
    const theirs = { title: 'Reset (theirs)', body: '<p>b</p>', tags: ['x'], status: 'published' };
    expect(mergeChanged(base, mine, theirs)).toEqual({ title: 'Reset (mine)', body: '<p>b</p>', tags: ['x', 'y'], status: 'published' });
    expect(mergeChanged(base, base, theirs)).toEqual(theirs);
  });
});
