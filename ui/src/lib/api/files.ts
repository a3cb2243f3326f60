// The system's open and save dialogs, shown by Rust, which remembers what was chosen: the
// only files a command will then read or write. Suggested file names never contain
// personal data.
import { call } from './invoke';
import type { FileKind } from './bindings/FileKind';

/** Asks where to save; returns the chosen path, or null if the person cancelled. */
export const chooseSavePath = (kind: FileKind, suggestedName: string) =>
  call<string | null>('choose_save_path', { kind, suggestedName });

/** Asks which file to open; returns its path, or null if the person cancelled. */
export const chooseOpenPath = (kind: FileKind) => call<string | null>('choose_open_path', { kind });
