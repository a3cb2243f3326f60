// Small rules for the recovery key as people type it back (the key itself is checked in Rust).

/** Whether a typed group is the group on the sheet: capitals, spaces and dashes do not matter. */
export function groupsMatch(expected: string | undefined, typed: string): boolean {
  if (!expected) return false;
  return typed.replace(/[\s-]/g, '').toUpperCase() === expected.toUpperCase();
}

/** Minutes of no use before locking, as words for Settings ("never" for 0). */
export function idleWords(minutes: number): string {
  if (minutes === 0) return 'never locks by itself';
  if (minutes % 60 === 0) return `locks after ${minutes / 60} hour${minutes === 60 ? '' : 's'} without use`;
  return `locks after ${minutes} minute${minutes === 1 ? '' : 's'} without use`;
}
