// The days of the week as Rust stores them ("mon".."sun"), and lists of them in words.

export const DAYS: { key: string; label: string }[] = [
  { key: 'mon', label: 'Monday' },
  { key: 'tue', label: 'Tuesday' },
  { key: 'wed', label: 'Wednesday' },
  { key: 'thu', label: 'Thursday' },
  { key: 'fri', label: 'Friday' },
  { key: 'sat', label: 'Saturday' },
  { key: 'sun', label: 'Sunday' },
];

/** "Mondays, Tuesdays and Thursdays" from day keys. */
export function daysText(days: string[]): string {
  const names = DAYS.filter((d) => days.includes(d.key)).map((d) => `${d.label}s`);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
