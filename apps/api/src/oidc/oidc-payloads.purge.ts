import { PostgresOidcAdapter } from '@gatehouse/infrastructure/oidc/postgres.oidc-adapter';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

/**
 * Removes the provider's expired rows (codes, tokens, sessions, interactions) every PURGE_INTERVAL, as the purge of
 * unconfirmed accounts runs; until then they are already invisible, the adapter's reads skip them.
 */
@Injectable()
export class OidcPayloadsPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OidcPayloadsPurge');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= PostgresOidcAdapter.removeExpired(this.dataSource)
        .then(() => undefined)
        .catch((error: Error) => this.logger.error(`Removing expired sign-in state failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, this.config.purgeIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
