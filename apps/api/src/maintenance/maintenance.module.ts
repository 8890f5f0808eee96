import { Clock } from '@gatehouse/domain/ports/clock.port';
import { UnitOfWork } from '@gatehouse/domain/ports/unit-of-work.port';
import { PurgeUnconfirmedAccounts } from '@gatehouse/domain/use-cases/purge-unconfirmed-accounts.use-case';
import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { PurgeSchedule } from './purge.schedule';

@Module({
  providers: [
    {
      provide: PurgeUnconfirmedAccounts,
      useFactory: (uow: UnitOfWork, clock: Clock, config: AppConfig) =>
        new PurgeUnconfirmedAccounts(uow, clock, config.pendingAccountTtlMs),
      inject: [UnitOfWork, Clock, AppConfig],
    },
    PurgeSchedule,
  ],
  exports: [PurgeUnconfirmedAccounts],
})
export class MaintenanceModule {}
