import { describe, expect, it } from 'vitest';
import { spokenTime } from '../shared/dates';
import { referText, whenText } from './directory';

describe('directory words', () => {
  it('says times as people do', () => {
    expect(spokenTime('10:00')).toBe('10am');
    expect(spokenTime('12:00')).toBe('12 noon');
    expect(spokenTime('14:30')).toBe('2.30pm');
    expect(spokenTime('00:00')).toBe('midnight');
    expect(spokenTime('24:00')).toBe('midnight');
    expect(spokenTime('00:15')).toBe('12.15am');
  });

  it('says when a group meets, with or without days and notes', () => {
    expect(whenText({ days: ['mon', 'thu'], opensAt: '10:00', closesAt: '12:00', whenNotes: 'Not on bank holidays.' })).toBe(
      'Mondays and Thursdays, 10am to 12 noon. Not on bank holidays.',
    );
    expect(whenText({ days: [], opensAt: '14:00', closesAt: null, whenNotes: 'First Friday.' })).toBe('2pm. First Friday.');
    expect(whenText({ days: [], opensAt: null, closesAt: null, whenNotes: 'Ring to book.' })).toBe('Ring to book.');
  });

  it('says who can refer', () => {
    expect(referText({ referSelf: true, referSplw: true, referGp: false })).toBe('Contact them yourself, or ask your social prescriber.');
    expect(referText({ referSelf: false, referSplw: true, referGp: true })).toBe('Ask your social prescriber or your GP.');
    expect(referText({ referSelf: false, referSplw: false, referGp: false })).toBe('');
  });
});
