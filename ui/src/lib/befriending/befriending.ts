// The befriending scheme's words and small rules for the window: stage, source and reason
// labels, the pipeline's next step, and the outcome questions with their scales.
import type { Stage } from '../api/bindings/Stage';
import type { Source } from '../api/bindings/Source';
import type { CloseReason } from '../api/bindings/CloseReason';
import type { ReasonCategory } from '../api/bindings/ReasonCategory';
import type { ContactHow } from '../api/bindings/ContactHow';
import type { Scores } from '../api/bindings/Scores';

export const STAGES: { key: Stage; label: string }[] = [
  { key: 'received', label: 'Received' },
  { key: 'consentConfirmed', label: 'Consent confirmed' },
  { key: 'contacted', label: 'Contacted' },
  { key: 'assessed', label: 'Assessed' },
  { key: 'waiting', label: 'Waiting for a match' },
  { key: 'matched', label: 'Matched' },
  { key: 'active', label: 'Active' },
  { key: 'ending', label: 'Ending' },
  { key: 'closed', label: 'Closed' },
];

export const stageLabel = (s: Stage) => STAGES.find((x) => x.key === s)?.label ?? s;

/** The step after `s` by hand (matching and the first meeting have their own buttons). */
export function nextStep(s: Stage): Stage | null {
  const manual: Partial<Record<Stage, Stage>> = {
    received: 'consentConfirmed', consentConfirmed: 'contacted', contacted: 'assessed', assessed: 'waiting', active: 'ending',
  };
  return manual[s] ?? null;
}

/** The step before `s`, for putting a mistake right (or a match that did not work out). */
export function previousStep(s: Stage): Stage | null {
  const i = STAGES.findIndex((x) => x.key === s);
  return s === 'closed' || i <= 0 ? null : STAGES[i - 1].key;
}

export const SOURCES: { key: Source; label: string }[] = [
  { key: 'splw', label: 'Social prescribing link worker' },
  { key: 'gp', label: 'GP' },
  { key: 'selfReferral', label: 'Self-referral' },
  { key: 'family', label: 'Family or friend' },
  { key: 'other', label: 'Other' },
];

export const CLOSE_REASONS: { key: CloseReason; label: string }[] = [
  { key: 'endedWell', label: 'Ended well' },
  { key: 'movedAway', label: 'Moved away' },
  { key: 'declined', label: 'Declined' },
  { key: 'wentIntoCare', label: 'Went into care' },
  { key: 'died', label: 'Died' },
  { key: 'other', label: 'Other' },
];

export const REASONS: { key: ReasonCategory; label: string }[] = [
  { key: 'livesAlone', label: 'Lives alone' },
  { key: 'bereaved', label: 'Bereavement' },
  { key: 'lowMood', label: 'Low mood or anxiety' },
  { key: 'mobility', label: 'Limited mobility' },
  { key: 'carer', label: 'Carer or former carer' },
  { key: 'newToArea', label: 'New to the area' },
  { key: 'lostConfidence', label: 'Lost confidence after illness or a fall' },
  { key: 'other', label: 'Other' },
];

export const CONTACT_HOWS: { key: ContactHow; label: string }[] = [
  { key: 'phone', label: 'Phone call' },
  { key: 'visit', label: 'Visit' },
  { key: 'letter', label: 'Letter' },
  { key: 'email', label: 'Email' },
];

export const AGE_BANDS = [
  { key: '', label: 'Not known' },
  { key: 'under_50', label: 'Under 50' },
  { key: '50_64', label: '50 to 64' },
  { key: '65_74', label: '65 to 74' },
  { key: '75_84', label: '75 to 84' },
  { key: '85_plus', label: '85 or over' },
];

/** A befriender's gender as stored and the word for it (as `words::GENDERS` in Rust says). */
export const GENDERS = [
  { key: 'female', word: 'woman' },
  { key: 'male', word: 'man' },
];
/** "a woman befriender" for "female"; "" when none was asked for (as `words::befriender_wanted`). */
export const befrienderWanted = (key: string) => {
  const word = GENDERS.find((g) => g.key === key)?.word;
  return word ? `a ${word} befriender` : '';
};

export type Question = { field: keyof Scores; text: string; min: number; max: number; ends: string };

/** ONS4 personal wellbeing, the UCLA 3-item loneliness scale and the ONS direct question. */
export const QUESTIONS: Question[] = [
  { field: 'satisfied', text: 'Overall, how satisfied are you with your life nowadays?', min: 0, max: 10, ends: '0 not at all, 10 completely' },
  { field: 'worthwhile', text: 'Overall, to what extent do you feel the things you do in your life are worthwhile?', min: 0, max: 10, ends: '0 not at all, 10 completely' },
  { field: 'happy', text: 'Overall, how happy did you feel yesterday?', min: 0, max: 10, ends: '0 not at all, 10 completely' },
  { field: 'anxious', text: 'Overall, how anxious did you feel yesterday?', min: 0, max: 10, ends: '0 not at all, 10 completely' },
  { field: 'lackCompanionship', text: 'How often do you feel that you lack companionship?', min: 1, max: 3, ends: '1 hardly ever or never, 2 some of the time, 3 often' },
  { field: 'leftOut', text: 'How often do you feel left out?', min: 1, max: 3, ends: '1 hardly ever or never, 2 some of the time, 3 often' },
  { field: 'isolated', text: 'How often do you feel isolated from others?', min: 1, max: 3, ends: '1 hardly ever or never, 2 some of the time, 3 often' },
  { field: 'directLoneliness', text: 'How often do you feel lonely?', min: 1, max: 5, ends: '1 often or always, 2 some of the time, 3 occasionally, 4 hardly ever, 5 never' },
];

/** Reads typed answers into scores, or says which are missing or out of range (by field). */
export function readScores(typed: Record<string, string>): { scores: Scores } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const scores = {} as Scores;
  for (const q of QUESTIONS) {
    const text = (typed[q.field] ?? '').trim();
    const n = Number(text);
    if (text === '' || !Number.isInteger(n) || n < q.min || n > q.max) errors[q.field] = `Please choose a whole number from ${q.min} to ${q.max}.`;
    else scores[q.field] = n;
  }
  return Object.keys(errors).length ? { errors } : { scores };
}
