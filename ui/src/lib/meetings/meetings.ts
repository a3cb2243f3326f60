// Words for meetings, and what the next step in a meeting's life is.
import type { Meeting } from '../api/bindings/Meeting';
import type { MeetingKind } from '../api/bindings/MeetingKind';
import type { MeetingStatus } from '../api/bindings/MeetingStatus';
import type { Purpose } from '../api/bindings/Purpose';
import type { AttendanceStatus } from '../api/bindings/AttendanceStatus';
import type { Quorum } from '../api/bindings/Quorum';
import type { Decision } from '../api/bindings/Decision';
import { toLongDate } from '../shared/dates';
export { spokenTime } from '../shared/dates';

export const KINDS: { kind: MeetingKind; label: string }[] = [
  { kind: 'committee', label: 'Committee meeting' },
  { kind: 'agm', label: 'Annual general meeting (AGM)' },
  { kind: 'extraordinary', label: 'Extraordinary meeting' },
  { kind: 'openForum', label: 'Open patient forum' },
];

export const PURPOSES: { purpose: Purpose; label: string }[] = [
  { purpose: 'information', label: 'For information' },
  { purpose: 'discussion', label: 'For discussion' },
  { purpose: 'decision', label: 'For decision' },
];

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned',
  agendaIssued: 'Agenda issued',
  held: 'Held',
  draftMinutes: 'Draft minutes',
  minutesApproved: 'Minutes approved',
};

/** The buttons a meeting offers for moving on, in the order a secretary uses them. */
export function nextSteps(status: MeetingStatus): { to: MeetingStatus; label: string }[] {
  switch (status) {
    case 'planned':
      return [{ to: 'agendaIssued', label: 'Mark the agenda as sent out' }, { to: 'held', label: 'Mark as held' }];
    case 'agendaIssued':
      return [{ to: 'held', label: 'Mark as held' }];
    case 'held':
      return [{ to: 'draftMinutes', label: 'Minutes are drafted' }];
    case 'draftMinutes':
      return [{ to: 'minutesApproved', label: 'Record the minutes as approved' }];
    case 'minutesApproved':
      return [];
  }
}

export function kindLabel(kind: MeetingKind): string {
  return KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

export function meetingTitle(meeting: Meeting): string {
  return `${kindLabel(meeting.kind)}, ${toLongDate(meeting.meetsOn)}`;
}

/** Splits meetings into those still to come (soonest first) and those past (latest first). */
export function splitByDate(meetings: Meeting[], todayIso: string): { upcoming: Meeting[]; past: Meeting[] } {
  const upcoming = meetings.filter((m) => m.meetsOn >= todayIso).sort((a, b) => a.meetsOn.localeCompare(b.meetsOn));
  const past = meetings.filter((m) => m.meetsOn < todayIso).sort((a, b) => b.meetsOn.localeCompare(a.meetsOn));
  return { upcoming, past };
}

export const ATTENDANCE_CHOICES: { status: AttendanceStatus; label: string }[] = [
  { status: 'present', label: 'Present' },
  { status: 'apologies', label: 'Apologies' },
  { status: 'absent', label: 'Absent' },
];

/** "Enough committee members: 5 present (quorum 5)." in words, so colour is never the only sign. */
export function quorumText(q: Quorum): string {
  const people = `${q.present} committee ${q.present === 1 ? 'member' : 'members'} present`;
  return q.met ? `Enough to make decisions: ${people} (quorum ${q.needed}).` : `Not enough to make decisions yet: ${people}, ${q.needed} needed.`;
}

/** The particulars under a decision: proposer, seconder and votes, as a sentence. */
export function decisionParticulars(d: Decision): string {
  const parts: string[] = [];
  if (d.proposerName && d.seconderName) parts.push(`Proposed by ${d.proposerName}, seconded by ${d.seconderName}.`);
  else if (d.proposerName) parts.push(`Proposed by ${d.proposerName}.`);
  else if (d.seconderName) parts.push(`Seconded by ${d.seconderName}.`);
  if (d.votesFor !== null || d.votesAgainst !== null || d.abstentions !== null) {
    parts.push(`For ${d.votesFor ?? 0}, against ${d.votesAgainst ?? 0}, abstentions ${d.abstentions ?? 0}.`);
  }
  return parts.join(' ');
}
