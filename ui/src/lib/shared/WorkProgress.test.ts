import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, fireEvent } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import type { ProgressEvent } from '../api/bindings/ProgressEvent';

let heard: ((event: ProgressEvent) => void) | undefined;
vi.mock('../api/events', () => ({
  onProgress: (listener: (event: ProgressEvent) => void) => {
    heard = listener;
    return () => (heard = undefined);
  },
}));
vi.mock('../api/commands', () => ({ cancelWork: vi.fn(() => Promise.resolve()) }));

import { cancelWork } from '../api/commands';
import WorkProgress from './WorkProgress.svelte';

function say(task: string, percent: number) {
  heard?.({ task, percent });
  flushSync();
}

describe('WorkProgress', () => {
  afterEach(() => vi.useRealTimers());

  it('stays hidden for quick work, so a short print does not flash a bar', () => {
    vi.useFakeTimers();
    const { queryByRole } = render(WorkProgress);
    say('Printing', 10);
    say('Printing', 100);
    vi.advanceTimersByTime(1000);
    flushSync();
    expect(queryByRole('status')).toBeNull();
  });

  it('shows long work in words and a bar, and Cancel stops it', async () => {
    vi.useFakeTimers();
    const { getByRole, getByText, queryByRole } = render(WorkProgress);
    say('Printing', 5);
    vi.advanceTimersByTime(500);
    say('Printing', 40);
    expect(getByText('Printing… 40% done')).toBeTruthy();
    expect((getByRole('progressbar') as HTMLProgressElement).value).toBe(40);
    await fireEvent.click(getByText('Cancel'));
    expect(cancelWork).toHaveBeenCalled();
    flushSync();
    expect(queryByRole('status')).toBeNull();
  });
});
