import { PostgresOidcAdapter } from '@gatehouse/infrastructure/oidc/postgres.oidc-adapter';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { RepeatingJob } from '../runtime/repeating-job';

/**
 * Removes the provider's expired rows (codes, tokens, sessions, interactions) every PURGE_INTERVAL, as the purge of
 * unconfirmed accounts runs; until then they are already invisible, the adapter's reads skip them.
 */
@Injectable()
export class OidcPayloadsPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: RepeatingJob;

  constructor(
    dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.job = new RepeatingJob(new Logger('OidcPayloadsPurge'), 'Removing expired sign-in state failed', async () => {
      await PostgresOidcAdapter.removeExpired(dataSource);
    });
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.purgeIntervalMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
