import { describe, expect, it } from 'vitest';
import { languageName } from './languages';

const list = [
  { code: 'en', english: 'English', own: 'English' },
  { code: 'bn', english: 'Bengali', own: 'বাংলা' },
];

describe('languageName', () => {
  it('names a language in English and in itself, once when they are the same', () => {
    expect(languageName(list, 'bn')).toBe('Bengali (বাংলা)');
    expect(languageName(list, 'en')).toBe('English');
  });
  it('shows a code it does not know as it is, never nothing', () => {
    expect(languageName(list, 'xx')).toBe('xx');
  });
});
