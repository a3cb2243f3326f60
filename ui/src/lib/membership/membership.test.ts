import { describe, expect, it } from 'vitest';
import { QUESTIONS, percentWords } from './membership';

describe('membership words', () => {
  it('offers every question with its answers and says percentages in words', () => {
    expect(QUESTIONS.map((q) => q.dimension)).toEqual(['age', 'sex', 'ethnic', 'carer', 'condition']);
    expect(QUESTIONS.every((q) => q.answers.length >= 2 && q.answers.every(([key]) => key !== 'prefer_not'))).toBe(true);
    expect(percentWords(34)).toBe('34%');
    expect(percentWords(0)).toBe('0%');
    expect(percentWords(null)).toBe('no figures');
  });
});
