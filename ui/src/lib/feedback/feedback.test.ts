import { describe, expect, it } from 'vitest';
import { monthLabel, patientsWords, sourceLabel } from './feedback';

describe('feedback words', () => {
  it('names sources and months in words', () => {
    expect(sourceLabel('friendsAndFamily')).toBe('Friends and Family Test');
    expect(monthLabel('2026-04')).toBe('Apr 2026');
    expect(monthLabel('2027-12')).toBe('Dec 2027');
    expect(monthLabel('nonsense')).toBe('nonsense');
    expect(patientsWords(1)).toBe('1 patient');
    expect(patientsWords(12)).toBe('12 patients');
  });
});
