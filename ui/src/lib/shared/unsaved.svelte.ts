// Whether a form on screen holds typing that is not yet saved, so that moving away asks first.
export const unsaved = $state({ dirty: false });

/** Marks the window as holding unsaved typing while `current()` differs from how it started
 * (call while a form component is being set up); cleared when the form goes away. */
export function trackUnsaved(current: () => unknown) {
  const initial = JSON.stringify(current());
  $effect(() => {
    unsaved.dirty = JSON.stringify(current()) !== initial;
    return () => (unsaved.dirty = false);
  });
}
