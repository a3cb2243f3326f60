import { describe, expect, it } from 'vitest';
import { loadScreen, screens } from './lazy.svelte';

describe('screens loaded when first opened', () => {
  it('loads a screen once and keeps it; Home is part of the first page', async () => {
    expect(screens.contacts).toBeUndefined();
    await loadScreen('contacts');
    const first = screens.contacts;
    expect(first).toBeTypeOf('function');
    await loadScreen('contacts');
    expect(screens.contacts).toBe(first);
    await loadScreen('home');
    expect(screens.home).toBeUndefined();
  });
});
