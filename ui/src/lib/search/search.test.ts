import { describe, expect, it } from 'vitest';
import type { Hit } from '../api/bindings/Hit';
import { destination, grouped, whenWords } from './search';

const hit = (group: string, screen: string, id: number, part: number | null = null, tab: string | null = null): Hit => ({
  kind: 'x', group, title: `${group} ${id}`, excerpt: [], at: '', confidential: false, opens: { screen, id, part, tab },
});

describe('search results', () => {
  it('groups hits under their kind in the order the best of each came', () => {
    const groups = grouped([hit('Meetings', 'meetings', 1), hit('People', 'people', 2), hit('Meetings', 'meetings', 3)]);
    expect(groups.map((g) => [g.name, g.hits.map((h) => h.opens.id)])).toEqual([['Meetings', [1, 3]], ['People', [2]]]);
  });

  it('opens a meeting at its item, a settings page at its tab, and others on their screen', () => {
    expect(destination(hit('Agenda items', 'meetings', 5, 9))).toEqual({ screen: 'meetings', meetingId: 5, itemId: 9 });
    expect(destination(hit('Actions', 'actions', 7))).toEqual({ screen: 'actions', recordId: 7 });
    expect(destination(hit('Settings', 'settings', 0, null, 'backups'))).toEqual({ screen: 'settings', tab: 'backups' });
    expect(destination(hit('People', 'people', 2))).toEqual({ screen: 'people', recordId: 2 });
    expect(destination({ ...hit('Trips', 'drivers', 4), kind: 'trip' })).toEqual({ screen: 'drivers', recordId: 4, tab: 'trips' });
    expect(destination({ ...hit('Passengers', 'drivers', 5), kind: 'passenger' })).toEqual({ screen: 'drivers', recordId: 5, tab: 'passengers' });
    expect(destination(hit('Odd', 'nowhere', 2))).toEqual({ screen: 'home' });
  });

  it('says dates and months in words', () => {
    expect(whenWords('2026-03-12')).toBe('Thursday 12 March 2026');
    expect(whenWords('2026-11')).toBe('November 2026');
    expect(whenWords('')).toBe('');
  });
});
