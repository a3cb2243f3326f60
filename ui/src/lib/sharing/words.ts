// Sharing's words for people: what a "Send and receive now" did, and what a clash was about.
import type { SyncReport } from '../api/bindings/SyncReport';
import type { Clash } from '../api/bindings/Clash';
import { toLongDate, toLongDateTime } from '../shared/dates';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One sentence for a report, then any notes. */
export function reportWords(report: SyncReport): string {
  const main =
    report.sent === 0 && report.received === 0
      ? 'Nothing new to send or receive.'
      : `Sent ${count(report.sent, 'change', 'changes')} and received ${count(report.received, 'change', 'changes')}.`;
  const clashes = report.clashes > 0 ? ` ${count(report.clashes, 'change clashed', 'changes clashed')}: see below.` : '';
  const tidied =
    report.removed > 0
      ? [`${count(report.removed, 'old file', 'old files')} that every laptop has ${report.removed === 1 ? 'was' : 'were'} removed from the shared folder.`]
      : [];
  return [main + clashes, ...report.notes, ...tidied].join(' ');
}

const TABLES: Record<string, string> = {
  people: 'A person',
  meetings: "A meeting's minutes",
  agenda_items: 'An agenda item',
  decisions: 'A decision',
  actions: 'An action',
  action_updates: "An action's progress note",
  contacts: 'A contact',
  directory_entries: 'A directory entry',
  bulletins: 'A bulletin',
  bulletin_articles: 'A bulletin article',
  drivers: 'A driver',
  passengers: 'A passenger',
  trips: 'A trip',
  referrals: 'A referral',
  befrienders: 'A befriender',
  destinations: 'A destination',
  directory_categories: 'A directory category',
  matches: 'A befriending match',
};

/** "An action's due on" from a clash's table and field. */
export function clashSubject(clash: Clash): string {
  const what = TABLES[clash.table] ?? 'A record';
  const field = clash.column.replace(/_/g, ' ');
  return field ? `${what}: ${field}` : what;
}

/** A value as a person reads it: a date in full, an empty field said so. */
export function shown(value: string): string {
  if (value === '') return 'empty';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? toLongDate(value) : value;
}

const at = (stamp: string) => toLongDateTime(stamp);

/** What happened, in words, naming both values. */
export function clashWords(clash: Clash): string {
  if (clash.why === 'locked' && clash.column === 'approved') {
    return `The minutes were approved on ${clash.otherLaptop} (${at(clash.otherMadeAt)}) while they were being changed on another laptop. They are kept exactly as approved; the change made at the same time was not kept.`;
  }
  if (clash.why === 'locked' && clash.column === 'published') {
    return `The issue was published on ${clash.otherLaptop} (${at(clash.otherMadeAt)}) while it was being changed on another laptop. It is kept exactly as published; the change made at the same time was not kept.`;
  }
  if (clash.why === 'locked') {
    return `${clash.otherLaptop} changed it to "${shown(clash.other)}" (${at(clash.otherMadeAt)}), but it is locked (approved or published), so the change was not made.`;
  }
  if (clash.why === 'refused') {
    const what = clash.other ? ` It would have set "${shown(clash.other)}".` : '';
    return `A change from ${clash.otherLaptop} (${at(clash.otherMadeAt)}) broke one of PPG Desk's rules here, so it was not made.${what}`;
  }
  if (clash.why === 'made_twice') {
    return `This was added on two laptops before they exchanged, so it is kept once, with everything linked to either. Kept "${shown(clash.kept)}". ${clash.otherLaptop} had "${shown(clash.other)}".`;
  }
  return `Kept "${shown(clash.kept)}". ${clash.otherLaptop} had "${shown(clash.other)}".`;
}

/** A long text (a minute item, an article): shown side by side for a person to merge. */
export function isLongText(clash: Clash): boolean {
  return [clash.kept, clash.other].some((text) => text.includes('\n') || [...text].length > 80);
}
