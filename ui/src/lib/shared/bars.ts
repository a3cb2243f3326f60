// Bar charts on screen: each bar's length against the longest.

/** A bar's width as a percentage of the longest (at least a sliver for any count above 0). */
export function barWidth(count: number, largest: number): number {
  if (count <= 0 || largest <= 0) return 0;
  return Math.max(2, Math.round((count / largest) * 100));
}
