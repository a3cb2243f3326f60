// Whether a form on screen holds typing that is not yet saved, so that moving away asks first.
export const unsaved = $state({ dirty: false });
