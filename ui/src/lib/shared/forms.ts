// Saving a form: on success the window no longer holds unsaved typing and the saved record
// comes back; otherwise each problem by field, and the message for the summary box.
import { toAppError } from '../api/invoke';
import { unsaved } from './unsaved.svelte';

export type Saved<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string>; problem: string };

export async function saveForm<T>(work: () => Promise<T>): Promise<Saved<T>> {
  try {
    const value = await work();
    unsaved.dirty = false;
    return { ok: true, value };
  } catch (e) {
    const error = toAppError(e);
    return { ok: false, errors: error.byField(), problem: error.message };
  }
}
