import { describe, expect, it } from 'vitest';
import { boxes, numberHint, readsAs } from './surveys';

const phone = { kind: 'tickAny' as const, choices: ['By phone', 'Online', 'At reception'] };
const scale = { kind: 'scale' as const, choices: ['Very hard', 'Very easy'] };

describe('typing a paper form in', () => {
  it('reads the digits typed as the boxes they name, however they are spaced', () => {
    expect(readsAs(phone, '13')).toBe('By phone; At reception');
    expect(readsAs(phone, '3, 1')).toBe('By phone; At reception');
    expect(readsAs(phone, '')).toBe('');
  });

  it('says plainly when a number is not a box', () => {
    expect(readsAs(phone, '4')).toBe('no box 4');
  });

  it('prints a scale as 1 to 5 with the words at each end', () => {
    expect(boxes(scale)).toEqual(['1 (Very hard)', '2', '3', '4', '5 (Very easy)']);
    expect(readsAs(scale, '5')).toBe('5 (Very easy)');
    expect(numberHint(scale)).toBe('Type one number from 1 (Very hard) to 5 (Very easy).');
  });

  it('lists the numbers to type beside a question', () => {
    expect(numberHint(phone)).toBe('Type every box ticked, such as 13: 1 By phone · 2 Online · 3 At reception');
  });
});
