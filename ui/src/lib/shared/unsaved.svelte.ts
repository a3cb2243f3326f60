// Whether any form on screen holds typing that is not yet saved, so that moving away asks
// first: "Save", "Discard" or "Keep editing". Several forms can be open at once (Settings).
import { tick } from 'svelte';
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
  for (const check of formChecks) check();
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
    return element ? submitAndWait(element, () => !element.isConnected) : false;
  };
}

/** Presses `form`'s own Save and waits up to five seconds: true once `saved()` says so, false
 * as soon as the form shows what is wrong beside a field (or if nothing happens). */
async function submitAndWait(form: HTMLFormElement, saved: () => boolean): Promise<boolean> {
  form.requestSubmit();
  for (let waited = 0; waited < 50; waited++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (saved()) return true;
    if (form.querySelector('[aria-invalid="true"]')) return false;
  }
  return false;
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

/** Looks again at each form made with `unsavedForm` (a page may have emptied it after saving). */
const formChecks = new Set<() => void>();

/** What each form's fields hold, in order: typed text, choices, ticks and rich text. */
function snapshot(form: HTMLFormElement): string {
  const fields = [...form.querySelectorAll<HTMLElement>('input, select, textarea, [contenteditable="true"]')];
  const read = (field: HTMLElement) => {
    if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) return field.checked;
    if ('value' in field) return (field as HTMLInputElement).value;
    // Formatted text: its words, and how many bold parts and bullets it has.
    return `${field.textContent}|${field.querySelectorAll('strong, b, li').length}`;
  };
  return JSON.stringify(fields.map(read));
}

/** How to tell each form made with `unsavedForm` that what it holds has now been saved. */
const savedMarks = new WeakMap<HTMLFormElement, () => void>();

/**
 * A Svelte action for a short form in a page (a check's dates, scores, an absence, a guest):
 * once the person types or chooses something there, leaving asks first, as the big forms
 * do. It counts as saved when the form goes away, when its fields are back to how they
 * started, or when the page calls `formSaved` after saving it. "Save" in the leave dialog
 * presses the form's own button and waits to see it work.
 */
export function unsavedForm(form: HTMLFormElement) {
  const key = Symbol('form');
  let baseline = snapshot(form);
  const save = () =>
    submitAndWait(form, () => {
      check();
      return !dirtyForms.has(key);
    });
  const check = () => {
    if (form.isConnected && snapshot(form) !== baseline) dirtyForms.set(key, save);
    else dirtyForms.delete(key);
  };
  savedMarks.set(form, () => {
    baseline = snapshot(form);
    check();
  });
  formChecks.add(check);
  form.addEventListener('input', check);
  form.addEventListener('change', check);
  return {
    destroy() {
      formChecks.delete(check);
      form.removeEventListener('input', check);
      form.removeEventListener('change', check);
      dirtyForms.delete(key);
    },
  };
}

/** Tells a form made with `unsavedForm` that it was saved: what it shows once the page has
 * updated (emptied, or kept for the next one) is its new starting point. */
export async function formSaved(form: HTMLFormElement | null | undefined) {
  if (!form) return;
  await tick();
  savedMarks.get(form)?.();
}
