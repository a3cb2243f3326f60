import { describe, expect, it } from 'vitest';
import { fileStamp, toLongDate, toLongDateTime, toUkDate, todayUk } from './dates';

describe('dates', () => {
  it('shows ISO dates the British way', () => {
    expect(toUkDate('2026-03-04')).toBe('04/03/2026');
    expect(toLongDate('2026-03-04')).toBe('4 March 2026');
    expect(toLongDateTime('2026-11-24T09:30:15')).toBe('24 November 2026 at 09:30');
  });

  it('shows nothing for a missing or malformed date', () => {
    expect(toUkDate(null)).toBe('');
    expect(toUkDate('')).toBe('');
    expect(toLongDate('yesterday')).toBe('');
  });

  it('uses the local calendar day for today and file names', () => {
    const late = new Date(2026, 0, 5, 23, 59);
    expect(todayUk(late)).toBe('05/01/2026');
    expect(fileStamp(late)).toBe('2026-01-05');
  });
});

import { daysText } from './days';

describe('days in words', () => {
  it('lists days in week order with "and"', () => {
    expect(daysText(['thu', 'mon'])).toBe('Mondays and Thursdays');
    expect(daysText(['mon', 'tue', 'fri'])).toBe('Mondays, Tuesdays and Fridays');
    expect(daysText(['sat'])).toBe('Saturdays');
    expect(daysText([])).toBe('');
  });
});
