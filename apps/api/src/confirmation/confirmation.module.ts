import { Clock } from '@gatehouse/domain/ports/clock.port';
import { PasswordHasher } from '@gatehouse/domain/ports/password-hasher.port';
import { RegistrationMetrics } from '@gatehouse/domain/ports/registration-metrics.port';
import { TokenDigester } from '@gatehouse/domain/ports/token-digester.port';
import { UnitOfWork } from '@gatehouse/domain/ports/unit-of-work.port';
import { ConfirmEmail } from '@gatehouse/domain/use-cases/confirm-email.use-case';
import { ConfirmWithCode } from '@gatehouse/domain/use-cases/confirm-with-code.use-case';
import { DescribeConfirmationLink } from '@gatehouse/domain/use-cases/describe-confirmation-link.use-case';
import { AddressFolding } from '@gatehouse/domain/users/address-folding';
import { Module } from '@nestjs/common';
import { addressFoldingProvider } from '../registration/address-folding.provider';
import { ConfirmationPage } from './confirmation.page';
import { ConfirmationsController } from './confirmations.controller';

@Module({
  controllers: [ConfirmationsController, ConfirmationPage],
  providers: [
    addressFoldingProvider,
    {
      provide: ConfirmEmail,
      useFactory: (
        uow: UnitOfWork,
        digester: TokenDigester,
        hasher: PasswordHasher,
        clock: Clock,
        metrics: RegistrationMetrics,
      ) => new ConfirmEmail(uow, digester, hasher, clock, metrics),
      inject: [UnitOfWork, TokenDigester, PasswordHasher, Clock, RegistrationMetrics],
    },
    {
      provide: ConfirmWithCode,
      useFactory: (
        uow: UnitOfWork,
        digester: TokenDigester,
        hasher: PasswordHasher,
        clock: Clock,
        metrics: RegistrationMetrics,
        folding: AddressFolding,
      ) => new ConfirmWithCode(uow, digester, hasher, clock, metrics, folding),
      inject: [UnitOfWork, TokenDigester, PasswordHasher, Clock, RegistrationMetrics, AddressFolding],
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
