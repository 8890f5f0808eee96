import { PurgeUnconfirmedAccounts } from '@gatehouse/domain/use-cases/purge-unconfirmed-accounts.use-case';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { RepeatingJob } from '../runtime/repeating-job';

/** Runs the purge of never-confirmed accounts every PURGE_INTERVAL, in every API process (it is safe to). */
@Injectable()
export class PurgeSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: RepeatingJob;

  constructor(
    purge: PurgeUnconfirmedAccounts,
    private readonly config: AppConfig,
  ) {
    const logger = new Logger('PurgeSchedule');
    this.job = new RepeatingJob(logger, 'Purging unconfirmed accounts failed', async () => {
      const removed = await purge.execute();
      if (removed) logger.log(`Removed ${removed} account(s) never confirmed`);
    });
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.purgeIntervalMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
