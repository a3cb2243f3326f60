// Words for meetings, and what the next step in a meeting's life is.
import type { Meeting } from '../api/bindings/Meeting';
import type { MeetingKind } from '../api/bindings/MeetingKind';
import type { MeetingStatus } from '../api/bindings/MeetingStatus';
import type { Purpose } from '../api/bindings/Purpose';
import { toLongDate } from '../shared/dates';

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

/** "18:30" -> "6.30pm", as on the printed agenda. */
export function spokenTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  if (Number.isNaN(h) || Number.isNaN(m)) return hhmm;
  if (h === 12 && m === 0) return '12 noon';
  const suffix = h >= 12 ? 'pm' : 'am';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${hour}${suffix}` : `${hour}.${String(m).padStart(2, '0')}${suffix}`;
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
