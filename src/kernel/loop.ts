/** A background loop beside the API (deadline sweep, daily check, ledger sequencing, blob scrub). */
export interface Loop {
  /** Stops after the pass in hand (its transaction commits or rolls back whole). */
  stop(): Promise<void>;
}

/**
 * Runs `pass` at once and then every `intervalMs` after the previous pass ended (passes never overlap). A failing pass
 * is reported to `onError` and retried at the next interval: a database outage must not end the loop. `stop()` cuts
 * the wait short and resolves when the pass in hand has finished.
 */
export function startLoop(pass: () => Promise<void>, opts: { intervalMs: number; onError: (err: unknown) => void }): Loop {
  let stopping = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopping) {
      try {
        await pass();
      } catch (err) {
        opts.onError(err);
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, opts.intervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();
  return {
    async stop() {
      stopping = true;
      (wake as (() => void) | null)?.();
      await loop;
    },
  };
}
