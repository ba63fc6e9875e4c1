import { describe, expect, it } from 'vitest';
import { dayToInstant, filterFromParams, filterFromView, filterQuery, filterToParams, filterToView } from './tickets.filter.ts';

describe('ticket list filter', () => {
  it('round-trips through the URL, dropping what the API would refuse', () => {
    const params = new URLSearchParams('q=printer&status=new,bogus,resolved&priority=5,9,4&processorId=me&createdFrom=2025-03-01&createdTo=nope&view=my_open');
    const { filter, view } = filterFromParams(params);
    expect(view).toBe('my_open');
    expect(filter).toEqual({ q: 'printer', status: ['new', 'resolved'], priority: [5, 4], processorId: 'me', createdFrom: '2025-03-01' });
    expect(filterToParams(filter, view).toString()).toBe('view=my_open&q=printer&status=new%2Cresolved&priority=5%2C4&processorId=me&createdFrom=2025-03-01');
  });

  it('carries the source filter through the URL, the query and a saved view, dropping unknown channels', () => {
    const { filter } = filterFromParams(new URLSearchParams('source=phone,pigeon,email'));
    expect(filter).toEqual({ source: ['phone', 'email'] });
    expect(filterToParams(filter, null).toString()).toBe('source=phone%2Cemail');
    expect(filterQuery(filter)).toEqual({ source: 'phone,email' });
    expect(filterToView(filter)).toEqual({ source: ['phone', 'email'] });
  });

  it('sends days as the start and end of the day in the user time zone', () => {
    expect(dayToInstant('2025-03-01', 'start', 'Europe/Sofia')).toBe('2025-02-28T22:00:00.000Z');
    expect(dayToInstant('2025-07-01', 'end', 'Asia/Ho_Chi_Minh')).toBe('2025-07-01T16:59:59.999Z');
    expect(dayToInstant('2025-03-01', 'start', 'UTC')).toBe('2025-03-01T00:00:00.000Z');
    const q = filterQuery({ status: ['new', 'in_progress'], tags: [], createdTo: '2025-01-31' }, 'UTC');
    expect(q).toEqual({ status: 'new,in_progress', createdTo: '2025-01-31T23:59:59.999Z' });
  });

  it('stores a saved view in the API shape and reads it back', () => {
    const ui = { status: ['new' as const], priority: [4, 5], createdFrom: '2025-03-01', processorId: 'none' };
    const stored = filterToView(ui, 'Europe/Sofia');
    expect(stored).toEqual({ status: ['new'], priority: [4, 5], createdFrom: '2025-02-28T22:00:00.000Z', processorId: 'none' });
    expect(filterFromView(stored, 'Europe/Sofia')).toEqual(ui);
  });

  it('carries custom field values through the URL, the query and a saved view, dropping what is not an object', () => {
    const custom = { tier: 'gold', units: 3, vip: false, channels: ['phone', 'web'], due_on: '2026-05-01' };
    const params = filterToParams({ status: ['new'], custom }, null);
    expect(params.get('custom')).toBe(JSON.stringify(custom));
    // The browser's URL carries it encoded; reading it back gives the same values and types (false stays false).
    const { filter } = filterFromParams(new URLSearchParams(params.toString()));
    expect(filter).toEqual({ status: ['new'], custom });
    expect(filterQuery(filter)).toEqual({ status: 'new', custom: JSON.stringify(custom) });
    const stored = filterToView(filter);
    expect(stored).toEqual({ status: ['new'], custom });
    expect(filterFromView(stored)).toEqual({ status: ['new'], custom });
    // An empty object says nothing; a hand-edited URL with broken JSON or a list is dropped.
    expect(filterToParams({ custom: {} }, null).toString()).toBe('');
    expect(filterQuery({ custom: {} })).toEqual({});
    for (const bad of ['{tier:gold', '["gold"]', '"gold"', '{}', 'null']) {
      expect(filterFromParams(new URLSearchParams({ custom: bad })).filter).toEqual({});
    }
  });
});
