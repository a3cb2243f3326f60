// Words for contacts: roles, kinds of dealing, preferred contact, and "last met".
import type { Contact } from '../api/bindings/Contact';
import type { ContactRole } from '../api/bindings/ContactRole';
import type { InteractionKind } from '../api/bindings/InteractionKind';
import type { PreferredContact } from '../api/bindings/PreferredContact';
import { toLongDate } from '../shared/dates';
export { DAYS, daysText } from '../shared/days';

export const ROLE_LABELS: Record<ContactRole, string> = {
  splw: 'Social prescribing link worker',
  wellbeingCoordinator: 'Wellbeing coordinator',
  healthCoach: 'Health and wellbeing coach',
  careCoordinator: 'Care coordinator',
  practiceManager: 'Practice manager',
  gpLead: 'GP lead',
  council: 'Council contact',
  charity: 'Charity contact',
  other: 'Other',
};

export const KIND_LABELS: Record<InteractionKind, string> = {
  attendedMeeting: 'Came to a PPG meeting',
  presentation: 'Gave a presentation',
  phone: 'Phone call',
  email: 'Email',
  jointProject: 'Joint project',
  referral: 'Referral',
  other: 'Other',
};

export const PREFERRED_LABELS: Record<PreferredContact, string> = {
  noPreference: 'No preference given',
  phone: 'Phone',
  email: 'Email',
  either: 'Phone or email',
};

/** "Last met 17 November 2026", or that the PPG has not met them. */
export function lastMetText(contact: Contact): string {
  return contact.lastMet ? `Last met ${toLongDate(contact.lastMet)}` : 'Not met yet';
}
