import { Clock } from '@gatehouse/domain/ports/clock.port';
import { TypeOrmBouncedPendingAccounts } from '@gatehouse/infrastructure/persistence/bounced-pending-accounts.typeorm-reader';
import { UnitOfWork } from '@gatehouse/domain/ports/unit-of-work.port';
import { PurgeUnconfirmedAccounts } from '@gatehouse/domain/use-cases/purge-unconfirmed-accounts.use-case';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { PurgeSchedule } from './purge.schedule';

@Module({
  providers: [
    {
      provide: PurgeUnconfirmedAccounts,
      useFactory: (uow: UnitOfWork, clock: Clock, config: AppConfig, dataSource: DataSource) =>
        new PurgeUnconfirmedAccounts(uow, clock, config.pendingAccountTtlMs, {
          accounts: new TypeOrmBouncedPendingAccounts(dataSource),
          lifetimeMs: config.bouncedPendingTtlMs,
        }),
      inject: [UnitOfWork, Clock, AppConfig, DataSource],
    },
    PurgeSchedule,
  ],
  exports: [PurgeUnconfirmedAccounts],
})
export class MaintenanceModule {}
