// The bulletin's small rules for the window: moving an article in the order, and the ready-
// made sections offered in the editor.
import type { ArticleKind } from '../api/bindings/ArticleKind';

export const SECTIONS: { kind: ArticleKind; label: string; chooses?: 'groups' | 'actions' }[] = [
  { kind: 'diary', label: 'Dates for your diary' },
  { kind: 'splw', label: 'Meet your social prescriber' },
  { kind: 'volunteers', label: 'Volunteers wanted' },
  { kind: 'groups', label: 'Local groups this month', chooses: 'groups' },
  { kind: 'youSaid', label: 'You said, we did', chooses: 'actions' },
];

/** The ids in their new order after moving the one at `from` to `to` (clamped). */
export function moved(ids: number[], from: number, to: number): number[] {
  const target = Math.max(0, Math.min(ids.length - 1, to));
  if (from < 0 || from >= ids.length || from === target) return ids;
  const out = [...ids];
  const [id] = out.splice(from, 1);
  out.splice(target, 0, id);
  return out;
}
