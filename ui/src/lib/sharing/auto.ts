// Exchanging with the committee without being asked: once on opening, every few minutes, and
// shortly after each save (the outbox announces "sharing"). A folder out of reach (the USB
// stick not plugged in) is not an error here: the Sharing page says when this laptop last
// sent and received.

export interface AutoExchange {
  /** Sends and receives when this laptop shares; resolves either way. */
  exchange: () => Promise<void>;
  /** Calls back on every change to sharing's records; returns how to stop. */
  subscribe: (onchange: () => void) => () => void;
  everyMs?: number;
  afterSaveMs?: number;
}

export function exchangeAutomatically({ exchange, subscribe, everyMs = 5 * 60_000, afterSaveMs = 15_000 }: AutoExchange): () => void {
  let running = false;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await exchange();
    } catch {
      // Said on the Sharing page (last sent and received); nothing to interrupt anyone with.
    } finally {
      running = false;
    }
  };
  void run();
  const every = setInterval(run, everyMs);
  const stop = subscribe(() => {
    clearTimeout(pending);
    pending = setTimeout(run, afterSaveMs);
  });
  return () => {
    clearInterval(every);
    clearTimeout(pending);
    stop();
  };
}
