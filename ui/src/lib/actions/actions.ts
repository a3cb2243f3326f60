// Words for actions: the views a list offers, and how an action stands, always in words
// (with an icon), never by colour alone.
import type { ActionRow } from '../api/bindings/ActionRow';
import type { ActionStatus } from '../api/bindings/ActionStatus';
import type { ActionView } from '../api/bindings/ActionView';
import type { Timing } from '../api/bindings/Timing';
import type { Action } from '../api/bindings/Action';
import { toLongDate } from '../shared/dates';

export const VIEWS: { view: ActionView; label: string }[] = [
  { view: 'open', label: 'All open' },
  { view: 'overdue', label: 'Overdue' },
  { view: 'dueSoon', label: 'Due in the next 14 days' },
  { view: 'done', label: 'Done' },
  { view: 'dropped', label: 'Dropped' },
  { view: 'all', label: 'Everything' },
];

export const STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  inProgress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** The icon and word for how an action stands today. */
export function timingText(timing: Timing): { icon: string; word: string } {
  switch (timing) {
    case 'overdue':
      return { icon: '⚠', word: 'Overdue' };
    case 'dueSoon':
      return { icon: '', word: 'Due soon' };
    case 'later':
      return { icon: '', word: 'Due later' };
    case 'noDate':
      return { icon: '', word: 'No due date' };
    case 'closed':
      return { icon: '✓', word: 'Closed' };
  }
}

/** "Due 8 December 2026", "Done 3 November 2026", "Dropped: nobody free". */
export function dueText(row: ActionRow): string {
  const a = row.action;
  if (a.status === 'done') return `Done ${toLongDate(a.completedOn)}`;
  if (a.status === 'dropped') return `Dropped: ${a.droppedReason}`;
  return a.dueOn ? `Due ${toLongDate(a.dueOn)}` : 'No due date';
}

/** Everyone who owns it: people, then anyone outside the PPG. */
export function ownersText(a: Action): string {
  const all = [...a.ownerNames, ...(a.outsideOwner ? [a.outsideOwner] : [])];
  return all.length ? all.join(', ') : 'Nobody yet';
}
