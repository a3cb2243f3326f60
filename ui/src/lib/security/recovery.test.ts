import { describe, expect, it } from 'vitest';
import { groupsMatch, idleWords } from './recovery';

describe('typing back the recovery key', () => {
  it('ignores case, spaces and dashes', () => {
    expect(groupsMatch('7KQM', ' 7kqm ')).toBe(true);
    expect(groupsMatch('7KQM', '7K-QM')).toBe(true);
  });
  it('refuses another group or nothing', () => {
    expect(groupsMatch('7KQM', '7KQN')).toBe(false);
    expect(groupsMatch('7KQM', '')).toBe(false);
    expect(groupsMatch(undefined, '7KQM')).toBe(false);
  });
});

describe('the idle lock in words', () => {
  it('says never, minutes and hours', () => {
    expect(idleWords(0)).toBe('never locks by itself');
    expect(idleWords(15)).toBe('locks after 15 minutes without use');
    expect(idleWords(1)).toBe('locks after 1 minute without use');
    expect(idleWords(120)).toBe('locks after 2 hours without use');
  });
});
