/**
 * Graceful shutdown for a child process: on SIGTERM/SIGINT, or when the launcher that owns us
 * goes away (IPC channel closed), run `stop` once, then exit. A second signal exits at once.
 */
export function onShutdown(name: string, stop: () => Promise<void>, timeoutMs = 10_000): void {
  let stopping = false;
  const run = (why: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`[${name}] stopping (${why})`);
    const timer = setTimeout(() => {
      console.error(`[${name}] did not stop within ${timeoutMs} ms; exiting`);
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`[${name}] error while stopping`, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => run('SIGTERM'));
  process.on('SIGINT', () => run('SIGINT'));
  if (process.send) process.on('disconnect', () => run('launcher gone'));
}
