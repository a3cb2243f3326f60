// Plain helpers for the people screens: labels, and converting between a saved person
// and what the edit form holds.
import type { Person } from '../api/bindings/Person';
import type { PersonInput } from '../api/bindings/PersonInput';
import type { Role } from '../api/bindings/Role';
import type { PeopleFilter } from '../api/bindings/PeopleFilter';
import { toUkDate } from '../shared/dates';

export const ROLES: { role: Role; label: string }[] = [
  { role: 'chair', label: 'Chair' },
  { role: 'viceChair', label: 'Vice-chair' },
  { role: 'secretary', label: 'Secretary' },
  { role: 'treasurer', label: 'Treasurer' },
  { role: 'committee', label: 'Committee member' },
  { role: 'member', label: 'Member' },
  { role: 'practiceStaff', label: 'Practice staff' },
  { role: 'guest', label: 'Guest' },
];

export const FILTERS: { filter: PeopleFilter; label: string }[] = [
  { filter: 'current', label: 'Current' },
  { filter: 'officers', label: 'Officers' },
  { filter: 'committee', label: 'Committee' },
  { filter: 'left', label: 'Left' },
  { filter: 'everyone', label: 'Everyone' },
];

export function roleLabel(role: Role): string {
  return ROLES.find((r) => r.role === role)?.label ?? role;
}

export function rolesText(roles: Role[]): string {
  return roles.map(roleLabel).join(', ');
}

/** How a person is addressed in lists: "Margaret Ellis (Maggie)". */
export function displayName(person: Pick<Person, 'fullName' | 'preferredName'>): string {
  return person.preferredName ? `${person.fullName} (${person.preferredName})` : person.fullName;
}

/** The ways they agreed to be contacted, in words. */
export function contactMethods(person: Person): string {
  const methods = [
    person.contactByEmail ? 'email' : '',
    person.contactByPhone ? 'phone' : '',
    person.contactByPost ? 'post' : '',
  ].filter(Boolean);
  return methods.length ? methods.join(', ') : 'not to be contacted';
}

export function emptyInput(): PersonInput {
  return {
    fullName: '', preferredName: '', email: '', phone: '', address: '', joinedOn: '', leftOn: '',
    roles: [], contactByEmail: false, contactByPost: false, contactByPhone: false,
    contactConsentOn: '', notes: '', emailOnly: false, largePrint: false,
  };
}

export function inputFromPerson(person: Person): PersonInput {
  return {
    fullName: person.fullName,
    preferredName: person.preferredName,
    email: person.email,
    phone: person.phone,
    address: person.address,
    joinedOn: toUkDate(person.joinedOn),
    leftOn: toUkDate(person.leftOn),
    roles: [...person.roles],
    contactByEmail: person.contactByEmail,
    contactByPost: person.contactByPost,
    contactByPhone: person.contactByPhone,
    contactConsentOn: toUkDate(person.contactConsentOn),
    notes: person.notes,
    emailOnly: person.emailOnly,
    largePrint: person.largePrint,
  };
}

/** True when the form holds something different from what was saved. */
export function isChanged(saved: PersonInput, current: PersonInput): boolean {
  return JSON.stringify({ ...saved, roles: [...saved.roles].sort() }) !==
    JSON.stringify({ ...current, roles: [...current.roles].sort() });
}
