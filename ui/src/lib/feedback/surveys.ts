// Surveys' words for people: the boxes a question prints, what a volunteer's typing reads as
// while they type a paper form in (PPG Desk checks it again when the form is saved), and a
// new question to start from.
import type { Question } from '../api/bindings/Question';
import type { QuestionInput } from '../api/bindings/QuestionInput';
import type { QuestionKind } from '../api/bindings/QuestionKind';

export const KINDS: { kind: QuestionKind; label: string }[] = [
  { kind: 'tickOne', label: 'Tick one box' },
  { kind: 'tickAny', label: 'Tick all that apply' },
  { kind: 'scale', label: 'A scale from 1 to 5' },
  { kind: 'words', label: 'Room to write' },
];

/** The boxes printed for a question: its choices, or 1 to 5 with the words for each end. */
export function boxes(q: Pick<Question, 'kind' | 'choices'>): string[] {
  if (q.kind === 'words') return [];
  if (q.kind !== 'scale') return q.choices;
  return [1, 2, 3, 4, 5].map((n) => (n === 1 && q.choices[0] ? `1 (${q.choices[0]})` : n === 5 && q.choices[1] ? `5 (${q.choices[1]})` : String(n)));
}

/** What the digits typed for a tick or scale question name ("13" → the first and third
 * boxes), or '' when nothing readable is typed yet. */
export function readsAs(q: Pick<Question, 'kind' | 'choices'>, typed: string): string {
  const all = boxes(q);
  const ticked = [...new Set([...typed].filter((c) => c >= '1' && c <= '9').map(Number))].sort((a, b) => a - b);
  return ticked.map((n) => all[n - 1] ?? `no box ${n}`).join('; ');
}

/** A hint listing the numbers to type: "1 By phone · 2 Online". */
export function numberHint(q: Pick<Question, 'kind' | 'choices'>): string {
  if (q.kind === 'scale') return `Type one number from 1 (${q.choices[0] ?? ''}) to 5 (${q.choices[1] ?? ''}).`;
  const list = boxes(q).map((b, i) => `${i + 1} ${b}`).join(' · ');
  return q.kind === 'tickAny' ? `Type every box ticked, such as 13: ${list}` : `Type the box ticked: ${list}`;
}

export function newQuestion(kind: QuestionKind = 'tickOne'): QuestionInput {
  if (kind === 'scale') return { kind, wording: '', choices: ['Very poor', 'Very good'] };
  if (kind === 'words') return { kind, wording: '', choices: [] };
  return { kind, wording: '', choices: ['Yes', 'No'] };
}

/** "40 forms" */
export function formsWords(count: number): string {
  return `${count} ${count === 1 ? 'form' : 'forms'}`;
}
