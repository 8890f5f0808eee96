import type { Logger } from '@nestjs/common';

/**
 * Work that runs every `intervalMs` in this process, one run at a time (a run still going when the next is due
 * is not doubled), never keeping the process alive, and finished before shutdown completes.
 */
export class RepeatingJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly failure: string,
    private readonly work: () => Promise<void>,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.running ??= this.work()
        .catch((error: Error) => this.logger.error(`${this.failure}: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
