import { describe, expect, it } from 'vitest';
import type { Person } from '../api/bindings/Person';
import { contactMethods, displayName, emptyInput, inputFromPerson, isChanged, rolesText } from './form';

const siobhan: Person = {
  id: 3, fullName: "Siobhán O'Connor", preferredName: '', email: 'siobhan@example.org', phone: '',
  address: '', joinedOn: '2021-06-01', leftOn: null, roles: ['secretary', 'committee'],
  contactByEmail: true, contactByPost: false, contactByPhone: false, contactConsentOn: '2021-06-01', notes: '',
  emailOnly: false, largePrint: true,
};

describe('people form helpers', () => {
  it('shows preferred names in brackets only when there is one', () => {
    expect(displayName(siobhan)).toBe("Siobhán O'Connor");
    expect(displayName({ fullName: 'Łukasz Nowak', preferredName: 'Luke' })).toBe('Łukasz Nowak (Luke)');
  });

  it('turns roles and contact methods into words', () => {
    expect(rolesText(siobhan.roles)).toBe('Secretary, Committee member');
    expect(contactMethods(siobhan)).toBe('email');
    expect(contactMethods({ ...siobhan, contactByEmail: false })).toBe('not to be contacted');
  });

  it('fills the form with British dates and notices edits', () => {
    const input = inputFromPerson(siobhan);
    expect(input.joinedOn).toBe('01/06/2021');
    expect(input.leftOn).toBe('');
    expect([input.emailOnly, input.largePrint]).toEqual([false, true]);
    expect(isChanged(input, { ...input, roles: ['committee', 'secretary'] })).toBe(false);
    expect(isChanged(input, { ...input, notes: 'x' })).toBe(true);
    expect(isChanged(emptyInput(), emptyInput())).toBe(false);
  });
});
