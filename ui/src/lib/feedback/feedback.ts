// Feedback's words for people: where patients said it, months and patients counted.
import type { FeedbackSource as Source } from '../api/bindings/FeedbackSource';

export const SOURCES: { source: Source; label: string }[] = [
  { source: 'survey', label: 'A survey' },
  { source: 'friendsAndFamily', label: 'Friends and Family Test' },
  { source: 'stand', label: "The PPG's stand in the waiting room" },
  { source: 'commentBox', label: 'The comment box' },
  { source: 'onlineReview', label: 'An online review' },
  { source: 'practice', label: 'Passed on by the practice' },
  { source: 'meeting', label: 'A PPG meeting' },
  { source: 'other', label: 'Somewhere else' },
];

export function sourceLabel(source: Source): string {
  return SOURCES.find((s) => s.source === source)?.label ?? 'Somewhere else';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-04" → "Apr 2026" */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m >= 1 && m <= 12 ? `${MONTHS[m - 1]} ${year}` : month;
}

/** "12 patients" */
export function patientsWords(count: number): string {
  return `${count} ${count === 1 ? 'patient' : 'patients'}`;
}
