import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from './idle';

describe('the idle lock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs after the time with no use, and not before', () => {
    const idle = vi.fn();
    const stop = watchIdle(60, idle);
    vi.advanceTimersByTime(59_000);
    expect(idle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(idle).toHaveBeenCalledOnce();
    stop();
  });

  it('starts the count again on a key press', () => {
    const idle = vi.fn();
    const stop = watchIdle(60, idle);
    vi.advanceTimersByTime(50_000);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    vi.advanceTimersByTime(50_000);
    expect(idle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(idle).toHaveBeenCalledOnce();
    stop();
  });

  it('never runs when set to 0, or once stopped', () => {
    const idle = vi.fn();
    watchIdle(0, idle);
    const stop = watchIdle(5, idle);
    stop();
    vi.advanceTimersByTime(60_000);
    expect(idle).not.toHaveBeenCalled();
  });
});
