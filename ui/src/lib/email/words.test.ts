import { describe, expect, it } from 'vitest';
import { choiceValue, firstList, listsFor, reachWords, sentWords } from './words';

describe('email words', () => {
  it('starts each document with the list it usually goes to', () => {
    expect(firstList({ kind: 'agenda', meetingId: 1 })).toBe('committee');
    expect(firstList({ kind: 'bulletin', bulletinId: 2 })).toBe('members');
    expect(firstList({ kind: 'tripSheet', driverId: 3, week: '2026-W50' })).toBe('drivers');
    expect(firstList({ kind: 'mileageClaim', driverId: 3, month: '2026-11' })).toBeNull();
    expect(listsFor({ kind: 'rota', week: '2026-W50' }).map((l) => l.key)).toContain('drivers');
    expect(listsFor({ kind: 'reminders', ownerId: null }).map((l) => l.key)).not.toContain('drivers');
    expect(firstList({ kind: 'reminders', ownerId: null })).toBe('actionOwners');
    expect(listsFor({ kind: 'reminders', ownerId: null }).map((l) => l.key)).toContain('actionOwners');
    expect(listsFor({ kind: 'agenda', meetingId: 1 }).map((l) => l.key)).not.toContain('actionOwners');
  });

  it("offers the PPG's own lists after PPG Desk's, each with a value a <select> can hold", () => {
    const own = [{ id: 42, name: 'Practice team', key: 'practice-team', people: [1, 2] }];
    const choices = listsFor({ kind: 'agenda', meetingId: 1 }, own);
    expect(choices.at(-1)).toEqual({ key: { own: { id: 42 } }, name: 'Practice team', value: 'own:42' });
    expect(choices.map((c) => c.value)).toContain('committee');
    expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
    expect(choiceValue({ own: { id: 7 } })).toBe('own:7');
  });

  it('says how many a message reaches, and when a document was sent', () => {
    expect(reachWords(0)).toBe('Nobody on this list has agreed to be emailed.');
    expect(reachWords(1)).toBe('Goes to 1 person');
    expect(reachWords(9)).toBe('Goes to 9 people');
    const sent = { document: 'agenda' as const, listName: 'The committee', recipients: 9, version: 'agenda', sentAt: '2026-12-02T10:00:00' };
    expect(sentWords(sent)).toBe('Agenda sent to 9 people on Wednesday 2 December 2026: the committee.');
    expect(sentWords({ ...sent, document: 'minutes', version: 'draft minutes', recipients: 1 })).toBe(
      'Minutes (draft minutes) sent to 1 person on Wednesday 2 December 2026: the committee.',
    );
    expect(sentWords({ ...sent, listName: 'Practice team' })).toBe('Agenda sent to 9 people on Wednesday 2 December 2026: the "Practice team" list.');
  });
});
