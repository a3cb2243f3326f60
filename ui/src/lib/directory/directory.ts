// Words for the community directory: the CSV column choices, and an entry in plain words.
import type { DirectoryField } from '../api/bindings/DirectoryField';
import type { Entry } from '../api/bindings/Entry';
import { spokenTime } from '../shared/dates';
import { daysText } from '../shared/days';

export const FIELD_OPTIONS: { field: DirectoryField | null; label: string }[] = [
  { field: null, label: 'Ignore' },
  { field: 'name', label: 'Name' },
  { field: 'offers', label: 'What it offers' },
  { field: 'categories', label: 'Categories' },
  { field: 'whoFor', label: 'Who it is for' },
  { field: 'address', label: 'Address' },
  { field: 'postcode', label: 'Postcode' },
  { field: 'area', label: 'Area' },
  { field: 'days', label: 'Days' },
  { field: 'opensAt', label: 'Start time' },
  { field: 'closesAt', label: 'Finish time' },
  { field: 'whenNotes', label: 'When (notes)' },
  { field: 'cost', label: 'Cost' },
  { field: 'contactName', label: 'Contact name' },
  { field: 'phone', label: 'Phone' },
  { field: 'email', label: 'Email' },
  { field: 'website', label: 'Website' },
  { field: 'stepFree', label: 'Step-free (yes/no)' },
  { field: 'hearingLoop', label: 'Hearing loop (yes/no)' },
  { field: 'accessibilityNotes', label: 'Access notes' },
  { field: 'howToRefer', label: 'How to refer' },
  { field: 'lastCheckedOn', label: 'Last checked' },
  { field: 'checkedBy', label: 'Checked by' },
];

/** When it meets, in words: "Mondays and Thursdays, 10am to 12 noon. Not on bank holidays." */
export function whenText(e: Pick<Entry, 'days' | 'opensAt' | 'closesAt' | 'whenNotes'>): string {
  let text = daysText(e.days);
  if (e.opensAt) text += `${text ? ', ' : ''}${spokenTime(e.opensAt)}${e.closesAt ? ` to ${spokenTime(e.closesAt)}` : ''}`;
  text = text.charAt(0).toUpperCase() + text.slice(1);
  if (!text) return e.whenNotes;
  return e.whenNotes ? `${text}. ${e.whenNotes}` : text;
}

/** Who can refer: "Self, social prescriber, GP". */
export function referText(e: Pick<Entry, 'referSelf' | 'referSplw' | 'referGp'>): string {
  const who = [e.referSelf ? 'Contact them yourself' : '', e.referSplw ? 'your social prescriber' : '', e.referGp ? 'your GP' : ''].filter(Boolean);
  if (who.length === 0) return '';
  const [first, ...rest] = who;
  const start = first === 'Contact them yourself' ? first : `Ask ${first}`;
  if (rest.length === 0) return `${start}.`;
  return first === 'Contact them yourself' ? `${start}, or ask ${rest.join(' or ')}.` : `${start} or ${rest.join(' or ')}.`;
}
