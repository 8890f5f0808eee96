import { PurgeUnconfirmedAccounts } from '@gatehouse/domain/use-cases/purge-unconfirmed-accounts.use-case';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

/** Runs the purge of never-confirmed accounts every PURGE_INTERVAL, in every API process (it is safe to). */
@Injectable()
export class PurgeSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PurgeSchedule');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly purge: PurgeUnconfirmedAccounts,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.purge
        .execute()
        .then((removed) => {
          if (removed) this.logger.log(`Removed ${removed} account(s) never confirmed`);
        })
        .catch((error: Error) => this.logger.error(`Purging unconfirmed accounts failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, this.config.purgeIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
