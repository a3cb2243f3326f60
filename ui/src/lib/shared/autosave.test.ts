import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autosave } from './autosave.svelte';

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves a moment after typing stops, and says honestly where it stands', async () => {
    let text = 'first';
    const written: string[] = [];
    const saving = autosave(() => text, async (t) => { written.push(t); }, () => {});
    text = 'first draft';
    saving.typed();
    expect(saving.status).toBe('waiting');
    await vi.advanceTimersByTimeAsync(799);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(written).toEqual(['first draft']);
    expect(saving.status).toBe('saved');
    await saving.save();
    expect(written).toHaveLength(1);
  });

  it('reports a failure and sends what is left when the editor closes', async () => {
    let text = 'a';
    const failures: unknown[] = [];
    let fail = true;
    const written: string[] = [];
    const saving = autosave(() => text, async (t) => { if (fail) throw new Error('disk full'); written.push(t); }, (e) => failures.push(e));
    text = 'ab';
    await saving.save();
    expect(saving.status).toBe('failed');
    expect(failures).toHaveLength(1);
    fail = false;
    saving.flush();
    await Promise.resolve();
    expect(written).toEqual(['ab']);
  });
});
