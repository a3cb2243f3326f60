import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exchangeAutomatically } from './auto';

describe('automatic exchange', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('exchanges on opening, every few minutes, and once shortly after a burst of saves', async () => {
    const exchange = vi.fn(() => Promise.resolve());
    let changed = () => {};
    const stop = exchangeAutomatically({ exchange, subscribe: (f) => ((changed = f), () => {}), everyMs: 300_000, afterSaveMs: 15_000 });
    expect(exchange).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(exchange).toHaveBeenCalledTimes(2);
    changed();
    await vi.advanceTimersByTimeAsync(5_000);
    changed();
    await vi.advanceTimersByTimeAsync(14_000);
    expect(exchange).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(exchange).toHaveBeenCalledTimes(3);
    stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(exchange).toHaveBeenCalledTimes(3);
  });

  it('carries on after a folder that cannot be reached', async () => {
    const exchange = vi.fn(() => Promise.reject(new Error('no stick')));
    const stop = exchangeAutomatically({ exchange, subscribe: () => () => {}, everyMs: 1_000 });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(exchange).toHaveBeenCalledTimes(4);
    stop();
  });
});
