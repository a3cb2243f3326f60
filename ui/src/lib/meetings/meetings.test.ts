import { describe, expect, it } from 'vitest';
import type { Meeting } from '../api/bindings/Meeting';
import { nextSteps, splitByDate, spokenTime, quorumText, decisionParticulars } from './meetings';

const meeting = (id: number, meetsOn: string): Meeting => ({
  id, kind: 'committee', meetsOn, startsAt: '18:30', endsAt: null, venue: 'x', onlineLink: '',
  chairId: null, minuteTakerId: null, status: 'planned', approvedOn: null, approvedAtMeetingId: null, approvalCorrections: '',
});

describe('meetings helpers', () => {
  it('says times as on the printed agenda', () => {
    expect(spokenTime('18:30')).toBe('6.30pm');
    expect(spokenTime('09:00')).toBe('9am');
    expect(spokenTime('12:00')).toBe('12 noon');
  });

  it('offers only the steps the cycle allows', () => {
    expect(nextSteps('planned').map((s) => s.to)).toEqual(['agendaIssued', 'held']);
    expect(nextSteps('draftMinutes').map((s) => s.to)).toEqual(['minutesApproved']);
    expect(nextSteps('minutesApproved')).toEqual([]);
  });

  it('puts the soonest upcoming meeting first and the latest past one first', () => {
    const { upcoming, past } = splitByDate([meeting(1, '2026-10-13'), meeting(2, '2027-01-12'), meeting(3, '2026-12-08'), meeting(4, '2026-11-10')], '2026-11-24');
    expect(upcoming.map((m) => m.id)).toEqual([3, 2]);
    expect(past.map((m) => m.id)).toEqual([4, 1]);
  });
});

describe('the record of a meeting', () => {
  it('says whether enough members are present to make decisions, in words', () => {
    expect(quorumText({ present: 5, needed: 4, met: true })).toBe('Enough to make decisions: 5 committee members present (quorum 4).');
    expect(quorumText({ present: 1, needed: 4, met: false })).toBe('Not enough to make decisions yet: 1 committee member present, 4 needed.');
  });

  it('reads a decision’s proposer, seconder and votes as a sentence', () => {
    const d = { id: 1, agendaItemId: 1, text: 'x', proposerId: 1, proposerName: 'Aisha Begum', seconderId: 2, seconderName: 'Peter Wright', votesFor: 6, votesAgainst: null, abstentions: 1 };
    expect(decisionParticulars(d)).toBe('Proposed by Aisha Begum, seconded by Peter Wright. For 6, against 0, abstentions 1.');
    expect(decisionParticulars({ ...d, proposerName: null, seconderName: null, votesFor: null, abstentions: null })).toBe('');
  });

});
