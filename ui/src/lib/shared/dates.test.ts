import { describe, expect, it } from 'vitest';
import { fileStamp, readUkDate, toLongDate, toLongDateTime, toMonth, toUkDate, todayUk } from './dates';

describe('dates', () => {
  it('shows ISO dates the British way', () => {
    expect(toUkDate('2026-03-04')).toBe('04/03/2026');
    expect(toLongDate('2026-03-04')).toBe('Wednesday 4 March 2026');
    expect(toLongDate('2027-01-08')).toBe('Friday 8 January 2027');
    expect(toLongDateTime('2026-11-24T09:30:15')).toBe('Tuesday 24 November 2026 at 09:30');
    expect(toMonth('2026-12')).toBe('December 2026');
    expect(toMonth('2026-13')).toBe('');
  });

  it('reads the ways people in England type a date', () => {
    for (const typed of ['8/1/2027', '08-01-2027', '8.1.27', '8 Jan 2027', '8th January 2027', '2027-01-08', ' 8 / 1 / 2027 ']) {
      expect(readUkDate(typed), typed).toBe('2027-01-08');
    }
    for (const wrong of ['30/2/2026', '1/13/2026', '8/1', 'next tuesday', '8/1/1066', '', '1é2/3/2026', '8 Ja 2027']) {
      expect(readUkDate(wrong), wrong).toBeNull();
    }
  });

  it('never throws, whatever is typed', () => {
    const alphabet = '0123456789/-. ,stndrhJanDécéł😀\u202e';
    let seed = 7;
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = (seed = (seed * 1103515245 + 12345) % 2147483648) % 14;
      for (let i = 0; i < length; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += [...alphabet][seed % [...alphabet].length];
      }
      const read = readUkDate(text);
      expect(read === null || /^\d{4}-\d{2}-\d{2}$/.test(read), text).toBe(true);
    }
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
