import { describe, expect, it } from 'vitest';
import { moved } from './bulletins';

describe('moving an article', () => {
  it('moves up, down and by dragging, never past either end', () => {
    expect(moved([1, 2, 3, 4], 2, 1)).toEqual([1, 3, 2, 4]);
    expect(moved([1, 2, 3, 4], 0, 3)).toEqual([2, 3, 4, 1]);
    expect(moved([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(moved([1, 2, 3], 2, 9)).toEqual([1, 2, 3]);
  });
});
