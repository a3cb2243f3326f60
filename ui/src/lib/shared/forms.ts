// Saving a form: on success the saved record comes back (the form then closes or starts
// afresh, which ends its unsaved-typing mark); otherwise each problem by field, and the
// message for the summary box.
import { toAppError } from '../api/invoke';

export type Saved<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string>; problem: string };

export async function saveForm<T>(work: () => Promise<T>): Promise<Saved<T>> {
  try {
    const value = await work();
    return { ok: true, value };
  } catch (e) {
    const error = toAppError(e);
    return { ok: false, errors: error.byField(), problem: error.message };
  }
}
