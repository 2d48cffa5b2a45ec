/**
 * A job that repeats: `run` is called every `everyMs` (never overlapping itself); an error is
 * reported and the loop goes on. `stop()` waits for the run in flight (graceful shutdown).
 */
export interface Loop {
  name: string;
  stop(): Promise<void>;
}

export function startLoop(
  name: string,
  everyMs: number,
  run: () => Promise<void>,
  onError: (name: string, error: unknown) => void,
): Loop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    const started = Date.now();
    inFlight = run()
      .catch((error: unknown) => onError(name, error))
      .finally(() => {
        // ±20 % jitter: workers started together drift apart instead of polling in lockstep.
        const period = everyMs * (0.8 + 0.4 * Math.random());
        if (!stopped) timer = setTimeout(tick, Math.max(0, period - (Date.now() - started)));
      });
  };
  timer = setTimeout(tick, 0);
  return {
    name,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
