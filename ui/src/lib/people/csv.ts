// The choices offered for each column when importing people from CSV.
import type { PersonField } from '../api/bindings/PersonField';

export const FIELD_OPTIONS: { field: PersonField | null; label: string }[] = [
  { field: null, label: 'Ignore' },
  { field: 'fullName', label: 'Full name' },
  { field: 'firstName', label: 'First name' },
  { field: 'lastName', label: 'Last name' },
  { field: 'preferredName', label: 'Preferred name' },
  { field: 'email', label: 'Email' },
  { field: 'phone', label: 'Phone' },
  { field: 'address', label: 'Address' },
  { field: 'joinedOn', label: 'Date joined' },
  { field: 'leftOn', label: 'Date left' },
  { field: 'roles', label: 'Roles' },
  { field: 'contactBy', label: 'Contact by' },
  { field: 'contactConsentOn', label: 'Consent date' },
  { field: 'notes', label: 'Notes' },
];
