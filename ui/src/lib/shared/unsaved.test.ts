import { afterEach, describe, expect, it } from 'vitest';
import { formSaved, leaveThen, leaving, unsaved, unsavedForm } from './unsaved.svelte';

function makeForm(value = '') {
  const form = document.createElement('form');
  const input = Object.assign(document.createElement('input'), { id: 'first', value });
  const tick = Object.assign(document.createElement('input'), { id: 'tick', type: 'checkbox' });
  const button = Object.assign(document.createElement('button'), { type: 'submit', textContent: 'Save' });
  form.append(input, tick, button);
  document.body.append(form);
  return { form, input, tick };
}
function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

afterEach(() => {
  unsaved.discard();
  leaving.proceed = null;
  document.body.replaceChildren();
});

describe('a short form in a page', () => {
  it('asks before leaving once something is typed, and not before', () => {
    const { form, input } = makeForm();
    const action = unsavedForm(form);
    let left = 0;
    leaveThen(() => left++);
    expect(left).toBe(1);
    type(input, '3/11/2026');
    expect(unsaved.dirty).toBe(true);
    leaveThen(() => left++);
    expect(left).toBe(1);
    expect(leaving.proceed).not.toBeNull();
    action.destroy();
    expect(unsaved.dirty).toBe(false);
  });

  it('counts a tick as a change too', () => {
    const { form, tick } = makeForm();
    unsavedForm(form);
    tick.checked = true;
    tick.dispatchEvent(new Event('change', { bubbles: true }));
    expect(unsaved.dirty).toBe(true);
  });

  it('is not unsaved once the page empties it after saving', () => {
    const { form, input } = makeForm();
    unsavedForm(form);
    type(input, 'Away in Devon');
    input.value = '';
    let left = false;
    leaveThen(() => (left = true));
    expect(left).toBe(true);
  });

  it('takes what it keeps after a save as its new start', async () => {
    const { form, input } = makeForm('6/12/2026');
    unsavedForm(form);
    type(input, '7/12/2026');
    await formSaved(form);
    expect(unsaved.dirty).toBe(false);
    type(input, '8/12/2026');
    expect(unsaved.dirty).toBe(true);
  });

  it('saves through its own button from the leave dialog', async () => {
    const { form, input } = makeForm();
    unsavedForm(form);
    let submitted = '';
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted = input.value;
      input.value = '';
    });
    type(input, 'Flu clinic');
    expect(await unsaved.saveAll()).toBe(true);
    expect(submitted).toBe('Flu clinic');
    expect(unsaved.dirty).toBe(false);
  });

  it('says saving failed when the form shows what is wrong', async () => {
    const { form, input } = makeForm();
    unsavedForm(form);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      input.setAttribute('aria-invalid', 'true');
    });
    type(input, '31/2/2026');
    expect(await unsaved.saveAll()).toBe(false);
    expect(unsaved.dirty).toBe(true);
  });
});
