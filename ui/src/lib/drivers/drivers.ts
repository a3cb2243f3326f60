// Words for the driver scheme: checks and how they stand, trip statuses, times, money, miles.
import type { CheckKind } from '../api/bindings/CheckKind';
import type { CheckState } from '../api/bindings/CheckState';
import type { Trip } from '../api/bindings/Trip';
import type { TripStatus } from '../api/bindings/TripStatus';
import { spokenTime, toLongDate } from '../shared/dates';

export const CHECK_LABELS: Record<CheckKind, string> = {
  dbs: 'Enhanced DBS check',
  licence: 'Driving licence check',
  insurance: 'Insurance for voluntary driving',
  mot: 'MOT',
};

export const STATUS_LABELS: Record<TripStatus, string> = {
  requested: 'Requested',
  assigned: 'Assigned',
  confirmed: 'Confirmed',
  done: 'Done',
  cancelled: 'Cancelled',
  notCovered: 'Could not be covered',
};

/** How a check stands, in words, with an icon for the ones that need attention. */
export function checkText(state: CheckState, expiresOn: string | null): { icon: string; words: string; attention: boolean } {
  switch (state.state) {
    case 'lapsed':
      return { icon: '⚠', words: `Lapsed on ${toLongDate(expiresOn)}`, attention: true };
    case 'missing':
      return { icon: '⚠', words: 'Not recorded', attention: true };
    case 'expiresSoon':
      return {
        icon: '⚠',
        words: state.days === 0 ? 'Expires today' : state.days === 1 ? 'Expires tomorrow' : `Expires in ${state.days} days (${toLongDate(expiresOn)})`,
        attention: true,
      };
    default:
      return { icon: '✓', words: `In date until ${toLongDate(expiresOn)}`, attention: false };
  }
}

/** "Pick up 9am · appointment 10.15am · return" */
export function tripTimesText(t: Pick<Trip, 'pickupAt' | 'appointmentAt' | 'backAt' | 'returns'>): string {
  const back = t.returns ? (t.backAt ? `back by ${spokenTime(t.backAt)}` : 'return journey') : 'one way';
  return `Pick up ${spokenTime(t.pickupAt)} · appointment ${spokenTime(t.appointmentAt)} · ${back}`;
}

/** 125 tenths as "12.5 miles". */
export function milesText(tenths: number | null): string {
  if (tenths === null) return '';
  return `${(tenths / 10).toLocaleString('en-GB', { maximumFractionDigits: 1 })} miles`;
}

/** 1235 pence as "£12.35". */
export function moneyText(pence: number | null): string {
  if (pence === null) return '';
  return `£${(pence / 100).toFixed(2)}`;
}

/** The seven days of the week starting `mondayIso`, as ISO dates. */
export function weekDays(mondayIso: string): string[] {
  const [y, m, d] = mondayIso.split('-').map(Number);
  return Array.from({ length: 7 }, (_, i) => {
    const day = new Date(Date.UTC(y, m - 1, d + i));
    return day.toISOString().slice(0, 10);
  });
}
