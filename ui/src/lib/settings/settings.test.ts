import { describe, expect, it } from 'vitest';
import { applyTextSize, intervalKey, wholeNumber } from './settings';

describe('settings helpers', () => {
  it('matches a saved interval to its choice, falling back to monthly', () => {
    expect(intervalKey({ meetingEvery: 6, meetingEveryUnit: 'weeks' })).toBe('6-weeks');
    expect(intervalKey({ meetingEvery: 5, meetingEveryUnit: 'weeks' })).toBe('1-months');
  });

  it('scales the root font so the whole window grows', () => {
    const root = document.createElement('html');
    applyTextSize('larger', root);
    expect(root.style.fontSize).toBe('168.75%');
    applyTextSize('normal', root);
    expect(root.style.fontSize).toBe('112.5%');
  });
});

describe('numbers typed into settings', () => {
  it('reads whole numbers and refuses anything else', () => {
    expect(wholeNumber(' 7 ')).toBe(7);
    expect(wholeNumber('0')).toBe(0);
    expect(wholeNumber('seven')).toBeNull();
    expect(wholeNumber('-1')).toBeNull();
    expect(wholeNumber('2.5')).toBeNull();
    expect(wholeNumber('')).toBeNull();
  });
});
