import { describe, expect, it } from 'vitest';
import type { Meeting } from '../api/bindings/Meeting';
import { nextSteps, splitByDate, spokenTime } from './meetings';

const meeting = (id: number, meetsOn: string): Meeting => ({
  id, kind: 'committee', meetsOn, startsAt: '18:30', endsAt: null, venue: 'x', onlineLink: '',
  chairId: null, minuteTakerId: null, status: 'planned', approvedOn: null,
});

describe('meetings helpers', () => {
  it('says times as on the printed agenda', () => {
    expect(spokenTime('18:30')).toBe('6.30pm');
    expect(spokenTime('09:00')).toBe('9am');
    expect(spokenTime('12:00')).toBe('12 noon');
  });

  it('offers only the steps the cycle allows', () => {
    expect(nextSteps('planned').map((s) => s.to)).toEqual(['agendaIssued', 'held']);
    expect(nextSteps('draftMinutes').map((s) => s.to)).toEqual(['minutesApproved']);
    expect(nextSteps('minutesApproved')).toEqual([]);
  });

  it('puts the soonest upcoming meeting first and the latest past one first', () => {
    const { upcoming, past } = splitByDate([meeting(1, '2026-10-13'), meeting(2, '2027-01-12'), meeting(3, '2026-12-08'), meeting(4, '2026-11-10')], '2026-11-24');
    expect(upcoming.map((m) => m.id)).toEqual([3, 2]);
    expect(past.map((m) => m.id)).toEqual([4, 1]);
  });
});
