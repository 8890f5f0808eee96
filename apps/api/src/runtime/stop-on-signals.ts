import type { Logger } from '@nestjs/common';

/**
 * On SIGINT or SIGTERM: say so, run the shutdown once (the app finishes what is in flight, then local
 * services stop), and exit 0.
 */
export function stopOnSignals(logger: Logger, what: string, shutdown: () => Promise<void>): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: finishing ${what} in flight, then stopping`);
    await shutdown();
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}
