// Typed wrappers for the befriending scheme's commands (tests/tidy.rs checks none is missing).
import { call } from './invoke';
import type { ReferralBoard } from './bindings/ReferralBoard';
import type { ReferralDetail } from './bindings/ReferralDetail';
import type { ReferralInput } from './bindings/ReferralInput';
import type { ConsentInput } from './bindings/ConsentInput';
import type { Stage } from './bindings/Stage';
import type { CloseReason } from './bindings/CloseReason';
import type { ContactHow } from './bindings/ContactHow';
import type { MatchSuggestion } from './bindings/MatchSuggestion';
import type { LogInput } from './bindings/LogInput';
import type { Occasion } from './bindings/Occasion';
import type { Scores } from './bindings/Scores';
import type { Befriender } from './bindings/Befriender';
import type { BefrienderInput } from './bindings/BefrienderInput';
import type { BefriendingReport } from './bindings/BefriendingReport';
import type { Referral } from './bindings/Referral';

export const listReferrals = () => call<ReferralBoard>('list_referrals');
export const getReferral = (id: number) => call<ReferralDetail>('get_referral', { id });
export const createReferral = (input: ReferralInput) => call<ReferralDetail>('create_referral', { input });
export const updateReferral = (id: number, input: ReferralInput) => call<ReferralDetail>('update_referral', { id, input });
export const recordReferralConsent = (id: number, input: ConsentInput) => call<ReferralDetail>('record_referral_consent', { id, input });
export const moveReferral = (id: number, to: Stage, closeReason: CloseReason | null) =>
  call<ReferralDetail>('move_referral', { id, to, closeReason });
export const logReferralContact = (id: number, on: string, how: ContactHow | null, notes: string) =>
  call<ReferralDetail>('log_referral_contact', { id, on, how, notes });
export const suggestBefrienders = (id: number) => call<MatchSuggestion[]>('suggest_befrienders', { id });
export const matchBefriender = (id: number, befrienderId: number) => call<ReferralDetail>('match_befriender', { id, befrienderId });
export const recordFirstMeeting = (id: number, on: string) => call<ReferralDetail>('record_first_meeting', { id, on });
export const logBefriendingContact = (id: number, input: LogInput) => call<ReferralDetail>('log_befriending_contact', { id, input });
export const raiseConcern = (id: number, logId: number | null, details: string) => call<ReferralDetail>('raise_concern', { id, logId, details });
export const passOnConcern = (id: number, concernId: number, to: string, on: string) =>
  call<ReferralDetail>('pass_on_concern', { id, concernId, to, on });
export const recordScores = (id: number, on: string, occasion: Occasion, scores: Scores) =>
  call<ReferralDetail>('record_scores', { id, on, occasion, scores });
export const listBefrienders = () => call<Befriender[]>('list_befrienders');
export const createBefriender = (input: BefrienderInput) => call<Befriender>('create_befriender', { input });
export const updateBefriender = (id: number, input: BefrienderInput) => call<Befriender>('update_befriender', { id, input });
export const getBefriendingReport = (from: string, to: string) => call<BefriendingReport>('get_befriending_report', { from, to });
export const listReferralsDueForErasure = () => call<Referral[]>('list_referrals_due_for_erasure');
export const eraseReferral = (id: number) => call<void>('erase_referral', { id });
export const saveSubjectAccessJson = (id: number, path: string) => call<void>('save_subject_access_json', { id, path });
