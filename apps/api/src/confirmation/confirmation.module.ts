import { Clock } from '@gatehouse/domain/ports/clock.port';
import { RegistrationMetrics } from '@gatehouse/domain/ports/registration-metrics.port';
import { TokenDigester } from '@gatehouse/domain/ports/token-digester.port';
import { UnitOfWork } from '@gatehouse/domain/ports/unit-of-work.port';
import { ConfirmEmail } from '@gatehouse/domain/use-cases/confirm-email.use-case';
import { ConfirmWithCode } from '@gatehouse/domain/use-cases/confirm-with-code.use-case';
import { DescribeConfirmationLink } from '@gatehouse/domain/use-cases/describe-confirmation-link.use-case';
import { Module } from '@nestjs/common';
import { ConfirmationPage } from './confirmation.page';
import { ConfirmationsController } from './confirmations.controller';

@Module({
  controllers: [ConfirmationsController, ConfirmationPage],
  providers: [
    {
      provide: ConfirmEmail,
      useFactory: (uow: UnitOfWork, digester: TokenDigester, clock: Clock, metrics: RegistrationMetrics) =>
        new ConfirmEmail(uow, digester, clock, metrics),
      inject: [UnitOfWork, TokenDigester, Clock, RegistrationMetrics],
    },
    {
      provide: ConfirmWithCode,
      useFactory: (uow: UnitOfWork, digester: TokenDigester, clock: Clock, metrics: RegistrationMetrics) =>
        new ConfirmWithCode(uow, digester, clock, metrics),
      inject: [UnitOfWork, TokenDigester, Clock, RegistrationMetrics],
    },
    {
      provide: DescribeConfirmationLink,
      useFactory: (uow: UnitOfWork, digester: TokenDigester, clock: Clock) =>
        new DescribeConfirmationLink(uow, digester, clock),
      inject: [UnitOfWork, TokenDigester, Clock],
    },
  ],
})
export class ConfirmationModule {}
