import { describe, expect, it } from 'vitest';
import { barWidth } from './bars';

describe('bar charts', () => {
  it('draws bars against the longest, never invisible for a count above nothing', () => {
    expect(barWidth(12, 12)).toBe(100);
    expect(barWidth(6, 12)).toBe(50);
    expect(barWidth(1, 1000)).toBe(2);
    expect(barWidth(0, 12)).toBe(0);
    expect(barWidth(3, 0)).toBe(0);
  });
});
