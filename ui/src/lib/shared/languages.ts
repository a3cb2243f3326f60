// The languages things can be written in, asked for once and kept (they never change while
// the app runs), and each one's name as a list shows it.
import type { Language } from '../api/bindings/Language';
import { listLanguages } from '../api/bulletins';

let asked: Promise<Language[]> | null = null;

export function languages(): Promise<Language[]> {
  asked ??= listLanguages().catch((e) => {
    asked = null;
    throw e;
  });
  return asked;
}

/** "Bengali (বাংলা)" for "bn"; the code itself if it is not on the list. */
export function languageName(list: Language[], code: string): string {
  const l = list.find((x) => x.code === code);
  if (!l) return code;
  return l.english === l.own ? l.english : `${l.english} (${l.own})`;
}
