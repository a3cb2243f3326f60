// Where keyboard focus goes, so a keyboard user always knows where they are.

const FIELDS = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled]), [contenteditable="true"]';

/**
 * A Svelte action for a form that opens in place (under "+ Decision", "Update the check", ...):
 * focus moves to its first field when it opens, Escape closes it (through `close`), and when
 * it closes focus goes back to the button that opened it, so the next key press never lands
 * on another control by surprise.
 */
export function inlineForm(node: HTMLElement, close?: () => void) {
  const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  node.querySelector<HTMLElement>(FIELDS)?.focus();
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && close) {
      event.preventDefault();
      close();
    }
  };
  node.addEventListener('keydown', onKey);
  return {
    update(next?: () => void) {
      close = next;
    },
    destroy() {
      node.removeEventListener('keydown', onKey);
      const active = document.activeElement;
      const lost = !active || active === document.body || node.contains(active);
      // Back to the button that opened the form; if the page changed under it, to the heading.
      if (lost) queueMicrotask(() => (opener?.isConnected ? opener.focus() : focusHeading()));
    },
  };
}

/** Moves focus to a screen's main heading (made focusable for it) and shows the top of the screen. */
export function focusHeading(container: ParentNode = document) {
  window.scrollTo(0, 0);
  const heading = container.querySelector<HTMLElement>('main h1');
  if (!heading) return;
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}

/**
 * A Svelte action for the heading of a page opened from a list (a meeting, an action, a
 * driver): when the page appears, it shows from its top and focus lands on its heading, so
 * a keyboard user is not left on the list item that is no longer there.
 */
export function arrival(node: HTMLElement) {
  node.setAttribute('tabindex', '-1');
  window.scrollTo(0, 0);
  node.focus();
}
