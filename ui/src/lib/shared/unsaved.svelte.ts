// Whether any form on screen holds typing that is not yet saved, so that moving away asks
// first: "Save", "Discard" or "Keep editing". Several forms can be open at once (Settings).
import { SvelteMap } from 'svelte/reactivity';

/** Each open form with unsaved typing, with how to save it (returns false if it could not). */
const dirtyForms = new SvelteMap<symbol, (() => Promise<boolean>) | null>();

export const unsaved = {
  get dirty() {
    return dirtyForms.size > 0;
  },
  /** Forgets every unsaved change (the person chose "Discard"). */
  discard() {
    dirtyForms.clear();
  },
  /** Saves every form that can save itself; true when all of them did. */
  async saveAll(): Promise<boolean> {
    let ok = true;
    for (const [key, save] of [...dirtyForms]) {
      if (!save || !(await save())) ok = false;
      else dirtyForms.delete(key);
    }
    return ok;
  },
};

/** What to do once the person has decided about unsaved changes (shown by App's dialog). */
export const leaving = $state({ proceed: null as (() => void) | null });

/** Runs `proceed` now, or after the person chooses Save or Discard if anything is unsaved. */
export function leaveThen(proceed: () => void) {
  if (unsaved.dirty) leaving.proceed = proceed;
  else proceed();
}

/**
 * A save function for a form that saves with its own Save button (and closes once saved):
 * presses that button for the person, and says whether it worked: the form went away, or it
 * is showing what is wrong beside the fields.
 */
export function bySubmitting(form: () => HTMLFormElement | undefined): () => Promise<boolean> {
  return async () => {
    const element = form();
    if (!element) return false;
    element.requestSubmit();
    for (let waited = 0; waited < 50; waited++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (!element.isConnected) return true;
      if (element.querySelector('[aria-invalid="true"]')) return false;
    }
    return false;
  };
}

/** Whether every form with unsaved typing can save itself (else "Save" is not offered). */
export function canSaveAll(): boolean {
  return [...dirtyForms.values()].every((save) => save !== null);
}

/** Marks the window as holding unsaved typing while `current()` differs from how it started
 * (call while a form component is being set up); cleared when the form goes away. `save`,
 * when given, lets "Save" in the leave dialog save this form. */
export function trackUnsaved(current: () => unknown, save?: () => Promise<boolean>) {
  const key = Symbol('form');
  const initial = JSON.stringify(current());
  $effect(() => {
    if (JSON.stringify(current()) !== initial) dirtyForms.set(key, save ?? null);
    else dirtyForms.delete(key);
    return () => dirtyForms.delete(key);
  });
}
