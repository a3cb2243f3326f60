// Email's words for people: the lists, who a message reaches, and what was sent when.
import type { ListKey } from '../api/bindings/ListKey';
import type { OwnList } from '../api/bindings/OwnList';
import type { Sent } from '../api/bindings/Sent';
import type { DocumentKind } from '../api/bindings/DocumentKind';
import { toLongDate } from '../shared/dates';

const LISTS: { key: ListKey; name: string }[] = [
  { key: 'actionOwners', name: 'Each action owner, their own actions' },
  { key: 'drivers', name: 'Each driver, their own trip sheet' },
  { key: 'committee', name: 'The committee' },
  { key: 'officers', name: 'The officers' },
  { key: 'members', name: 'All members' },
  { key: 'virtualPpg', name: 'The virtual PPG (by email only)' },
];

/** A list as the "Send to" box offers it: `value` is a string a <select> can hold. */
export interface ListChoice {
  value: string;
  key: ListKey;
  name: string;
}

/** The string standing for `key` in a <select>: PPG Desk's own key, or `own:<id>`. */
export function choiceValue(key: ListKey): string {
  return typeof key === 'string' ? key : `own:${key.own.id}`;
}

/** The lists a document can go to ("each action owner" only for the action reminders), then
 * the lists the PPG made itself. */
export function listsFor(kind: DocumentKind, own: OwnList[] = []): ListChoice[] {
  const driversOnly = kind.kind === 'rota' || kind.kind === 'tripSheet';
  const builtIn = LISTS.filter((l) => (l.key === 'actionOwners' ? kind.kind === 'reminders' : l.key === 'drivers' ? driversOnly : true));
  const made = own.map((l) => ({ key: { own: { id: l.id } } as ListKey, name: l.name }));
  return [...builtIn, ...made].map((l) => ({ ...l, value: choiceValue(l.key) }));
}

/** The documents that can be emailed, and the list each starts with. */
export function firstList(kind: DocumentKind): ListKey | null {
  switch (kind.kind) {
    case 'agenda':
    case 'minutes':
    case 'members':
      return 'committee';
    case 'reminders':
      return 'actionOwners';
    case 'rota':
    case 'tripSheet':
      return 'drivers';
    case 'bulletin':
    case 'directory':
      return 'members';
    default:
      return null;
  }
}

/** "Goes to 7 people" */
export function reachWords(count: number): string {
  if (count === 0) return 'Nobody on this list has agreed to be emailed.';
  return `Goes to ${count} ${count === 1 ? 'person' : 'people'}`;
}

const DOCUMENT: Record<Sent['document'], string> = {
  agenda: 'Agenda', minutes: 'Minutes', bulletin: 'Bulletin', reminders: 'Reminders', directory: 'Directory', members: 'Contact list',
  rota: 'Driver rota', tripSheet: 'Trip sheets',
};

/** Each kind of document as the Settings page names it. */
export const DOCUMENT_NAMES: Record<Sent['document'], string> = {
  agenda: 'The agenda', minutes: 'The minutes', bulletin: 'The bulletin', reminders: 'Action reminders', directory: 'The community directory', members: 'The contact list',
  rota: 'The driver rota', tripSheet: "A driver's trip sheet",
};

/** The names in braces each kind of document fills in. */
export const PLACEHOLDERS: Record<Sent['document'], string> = {
  agenda: 'Filled in: {meeting}, {date}, {time}, {venue}, {group}.',
  minutes: 'Filled in: {version} (Draft or Approved), {version_lower}, {meeting}, {date}, {group}.',
  bulletin: 'Filled in: {title}, {issue}, {month}, {group}.',
  reminders: 'Filled in: {name} (each person\'s name), {group}.',
  directory: 'Filled in: {group}.',
  members: 'Filled in: {group}.',
  rota: 'Filled in: {name} (each driver\'s name), {week}, {group}.',
  tripSheet: 'Filled in: {name} (the driver\'s name), {week}, {group}.',
};

/** "Agenda sent to 9 people on Wednesday 2 December 2026 (the committee)" */
export function sentWords(sent: Sent): string {
  const people = `${sent.recipients} ${sent.recipients === 1 ? 'person' : 'people'}`;
  const version = sent.document === 'minutes' ? ` (${sent.version})` : '';
  return `${DOCUMENT[sent.document]}${version} sent to ${people} on ${toLongDate(sent.sentAt.slice(0, 10))}: ${listWords(sent.listName)}.`;
}

/** "the committee" for PPG Desk's lists; a list the PPG named keeps its name as written. */
export function listWords(name: string): string {
  return /^(The|All|Each) /.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : `the "${name}" list`;
}
