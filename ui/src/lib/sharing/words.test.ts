import { describe, expect, it } from 'vitest';
import { clashSubject, clashWords, isLongText, reportWords } from './words';
import type { Clash } from '../api/bindings/Clash';

const clash: Clash = {
  id: 1, table: 'actions', rowKey: 'id=5', column: 'due_on', kept: '2026-12-20', other: '2026-12-13',
  otherLaptop: "Chair's laptop", otherMadeAt: '2026-12-06T10:00:00', why: 'both_changed', canUseOther: true,
};

describe('sharing words', () => {
  it('says what a send and receive did, with its notes', () => {
    expect(reportWords({ sent: 0, received: 0, clashes: 0, notes: [], removed: 0 })).toBe('Nothing new to send or receive.');
    expect(reportWords({ sent: 1, received: 3, clashes: 1, notes: ['A change is still arriving.'], removed: 0 })).toBe(
      'Sent 1 change and received 3 changes. 1 change clashed: see below. A change is still arriving.',
    );
    expect(reportWords({ sent: 0, received: 0, clashes: 0, notes: [], removed: 4 })).toBe(
      'Nothing new to send or receive. 4 old files that every laptop has were removed from the shared folder.',
    );
  });

  it('names both values of a clash and who made the other', () => {
    expect(clashSubject(clash)).toBe('An action: due on');
    expect(clashWords(clash)).toBe('Kept "Sunday 20 December 2026". Chair\'s laptop had "Sunday 13 December 2026".');
    expect(clashWords({ ...clash, kept: '', other: '01632 960001' })).toBe('Kept "empty". Chair\'s laptop had "01632 960001".');
    expect(clashWords({ ...clash, why: 'locked' })).toContain('locked');
    const approved = { ...clash, table: 'meetings', column: 'approved', why: 'locked', canUseOther: false };
    expect(clashSubject(approved)).toBe("A meeting's minutes: approved");
    expect(clashWords(approved)).toContain('kept exactly as approved');
    expect(clashWords({ ...approved, table: 'bulletins', column: 'published' })).toContain('kept exactly as published');
    expect(clashSubject({ ...clash, table: 'unknown' })).toBe('A record: due on');
  });

  it('says when one record was added on two laptops, and what a refused change would have set', () => {
    const twice = { ...clash, table: 'destinations', column: 'name', kept: 'Royal Hospital', other: 'ROYAL HOSPITAL', why: 'made_twice' };
    expect(clashSubject(twice)).toBe('A destination: name');
    expect(clashWords(twice)).toBe(
      'This was added on two laptops before they exchanged, so it is kept once, with everything linked to either. Kept "Royal Hospital". Chair\'s laptop had "ROYAL HOSPITAL".',
    );
    const refused = { ...clash, why: 'refused', canUseOther: false, other: 'Tea rota' };
    expect(clashWords(refused)).toContain('broke one of PPG Desk\'s rules here, so it was not made. It would have set "Tea rota".');
    expect(clashWords({ ...refused, other: '' })).toMatch(/was not made\.$/);
  });

  it('treats a text with several lines or many words as long, to merge side by side', () => {
    expect(isLongText(clash)).toBe(false);
    expect(isLongText({ ...clash, other: 'First line\nSecond line' })).toBe(true);
    expect(isLongText({ ...clash, kept: 'word '.repeat(17) })).toBe(true);
    expect(isLongText({ ...clash, kept: 'ক'.repeat(80) })).toBe(false);
  });
});
