import { describe, expect, it } from 'vitest';
import type { Action } from '../api/bindings/Action';
import { dueText, ownersText, timingText } from './actions';

const action = (over: Partial<Action> = {}): Action => ({
  id: 1, title: 'Ring the council', detail: '', ownerIds: [1], ownerNames: ['Aisha Begum'], outsideOwner: '', dueOn: '2026-12-08',
  status: 'open', droppedReason: '', completedOn: null, meetingId: null, meetingOn: null, agendaItemId: null, createdOn: '2026-11-10',
  latestUpdate: null, ...over,
});

describe('actions in words', () => {
  it('says overdue with an icon and the word, never by colour alone', () => {
    expect(timingText('overdue')).toEqual({ icon: '⚠', word: 'Overdue' });
    expect(timingText('dueSoon').word).toBe('Due soon');
  });

  it('gives the due date, completion or reason for dropping', () => {
    expect(dueText({ action: action(), timing: 'dueSoon' })).toBe('Due Tuesday 8 December 2026');
    expect(dueText({ action: action({ status: 'done', completedOn: '2026-11-20' }), timing: 'closed' })).toBe('Done Friday 20 November 2026');
    expect(dueText({ action: action({ status: 'dropped', droppedReason: 'Council closed' }), timing: 'closed' })).toBe('Dropped: Council closed');
    expect(dueText({ action: action({ dueOn: null }), timing: 'noDate' })).toBe('No due date');
  });

  it('names people and outside owners together', () => {
    expect(ownersText(action({ outsideOwner: 'Practice manager' }))).toBe('Aisha Begum, Practice manager');
    expect(ownersText(action({ ownerIds: [], ownerNames: [] }))).toBe('Nobody yet');
  });
});
