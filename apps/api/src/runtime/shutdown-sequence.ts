import { OutboxWorker } from '@gatehouse/infrastructure/mail/outbox-worker';
import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Starts the email worker once everything is wired, and stops things in the one safe order:
 * the worker finishes what it claimed, then the database pool closes.
 */
@Injectable()
export class ShutdownSequence implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly worker: OutboxWorker,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
