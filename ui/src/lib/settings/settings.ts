// Choices and defaults for the PPG's settings.
import type { Settings } from '../api/bindings/Settings';
import type { IntervalUnit } from '../api/bindings/IntervalUnit';
import type { TextSize } from '../api/bindings/TextSize';

export const INTERVALS: { key: string; label: string; every: number; unit: IntervalUnit }[] = [
  { key: '1-months', label: 'Every month', every: 1, unit: 'months' },
  { key: '6-weeks', label: 'Every 6 weeks', every: 6, unit: 'weeks' },
  { key: '2-months', label: 'Every 2 months', every: 2, unit: 'months' },
  { key: '3-months', label: 'Every 3 months (quarterly)', every: 3, unit: 'months' },
];

export const TEXT_SIZES: { size: TextSize; label: string; scale: number }[] = [
  { size: 'normal', label: 'Normal', scale: 1 },
  { size: 'large', label: 'Large', scale: 1.25 },
  { size: 'larger', label: 'Larger', scale: 1.5 },
];

export function intervalKey(settings: Pick<Settings, 'meetingEvery' | 'meetingEveryUnit'>): string {
  const key = `${settings.meetingEvery}-${settings.meetingEveryUnit}`;
  return INTERVALS.some((i) => i.key === key) ? key : INTERVALS[0].key;
}

export function emptySettings(): Settings {
  return {
    groupName: '', practices: [], pcn: '', usualVenue: '', meetingEvery: 1,
    meetingEveryUnit: 'months', textSize: 'normal', defaultProfile: 'standard', quorum: 4, memberItemsDeadlineDays: 7, splwMeetMonths: 6, directoryCheckMonths: 12, checkWarningDays: 30, travelBufferMinutes: 30, waitingContactDays: 14, befriendingRetentionMonths: 24, driverRetentionMonths: 24, idleLockMinutes: 15, yearStartsMonth: 4, agmNoticeDays: 28,
  };
}

/** Applies the chosen text size to the whole window (everything is sized in rem). */
export function applyTextSize(size: TextSize, root: HTMLElement = document.documentElement): void {
  const scale = TEXT_SIZES.find((t) => t.size === size)?.scale ?? 1;
  root.style.fontSize = `${scale * 112.5}%`;
}

/** A whole number typed into a box ("  7 " -> 7), or null if it is not one. */
export function wholeNumber(typed: string): number | null {
  const text = typed.trim();
  return /^\d{1,4}$/.test(text) ? Number(text) : null;
}
