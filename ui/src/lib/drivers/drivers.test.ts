import { describe, expect, it } from 'vitest';
import { checkText, milesText, moneyText, tripTimesText, weekDays } from './drivers';

describe('driver scheme words', () => {
  it('says how a check stands, flagging what needs attention with a word and an icon', () => {
    expect(checkText({ state: 'lapsed' }, '2026-11-01')).toEqual({ icon: '⚠', words: 'Lapsed on Sunday 1 November 2026', attention: true });
    expect(checkText({ state: 'expiresSoon', days: 12 }, '2026-12-06').words).toBe('Expires in 12 days (Sunday 6 December 2026)');
    expect(checkText({ state: 'expiresSoon', days: 0 }, '2026-11-24').words).toBe('Expires today');
    expect(checkText({ state: 'inDate' }, '2027-05-01').attention).toBe(false);
    expect(checkText({ state: 'missing' }, null).words).toBe('Not recorded');
  });

  it('says trip times, miles and money plainly', () => {
    expect(tripTimesText({ pickupAt: '09:00', appointmentAt: '10:15', backAt: null, returns: true })).toBe('Pick up 9am · appointment 10.15am · return journey');
    expect(tripTimesText({ pickupAt: '07:15', appointmentAt: '08:00', backAt: '12:30', returns: true })).toBe('Pick up 7.15am · appointment 8am · back by 12.30pm');
    expect(milesText(125)).toBe('12.5 miles');
    expect(milesText(100000)).toBe('10,000 miles');
    expect(moneyText(1235)).toBe('£12.35');
  });

  it('lists a week from its Monday, across a month end', () => {
    expect(weekDays('2026-11-30')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
  });
});
