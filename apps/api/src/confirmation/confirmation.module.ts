import { AccountActivation } from '@gatehouse/domain/confirmation/account-activation';
import { ConfirmationEmails } from '@gatehouse/domain/confirmation/confirmation-emails';
import { Clock } from '@gatehouse/domain/ports/clock.port';
import { Confirmations } from '@gatehouse/domain/ports/confirmations.port';
import { PasswordHasher } from '@gatehouse/domain/ports/password-hasher.port';
import { RandomSource } from '@gatehouse/domain/ports/random-source.port';
import { RegistrationMetrics } from '@gatehouse/domain/ports/registration-metrics.port';
import { TokenDigester } from '@gatehouse/domain/ports/token-digester.port';
import { UnitOfWork } from '@gatehouse/domain/ports/unit-of-work.port';
import { ConfirmEmail } from '@gatehouse/domain/use-cases/confirm-email.use-case';
import { ConfirmWithCode } from '@gatehouse/domain/use-cases/confirm-with-code.use-case';
import { DescribeConfirmationLink } from '@gatehouse/domain/use-cases/describe-confirmation-link.use-case';
import { AddressFolding } from '@gatehouse/domain/users/address-folding';
import { OutboxPayloadCipher } from '@gatehouse/infrastructure/mail/outbox-payload.cipher';
import { TypeOrmConfirmations } from '@gatehouse/infrastructure/persistence/confirmations.typeorm-repository';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { messageIdDomain } from '../persistence/persistence.module';
import { addressFoldingProvider } from '../registration/address-folding.provider';
import { ConfirmationPage } from './confirmation.page';
import { ConfirmationsController } from './confirmations.controller';
import { SignUpBrowserCookie } from './sign-up-browser.cookie';

/**
 * Confirming addresses, and the links and emails that ask for it: sign-up and the back office send those
 * through the ConfirmationEmails exported here, under the same per-address limits.
 */
@Module({
  controllers: [ConfirmationsController, ConfirmationPage],
  exports: [ConfirmationEmails, SignUpBrowserCookie],
  providers: [
    addressFoldingProvider,
    {
      provide: SignUpBrowserCookie,
      useFactory: (config: AppConfig) => new SignUpBrowserCookie(config.appUrl),
      inject: [AppConfig],
    },
    {
      provide: ConfirmationEmails,
      useFactory: (random: RandomSource, digester: TokenDigester, clock: Clock, config: AppConfig) =>
        new ConfirmationEmails(random, digester, clock, {
          tokenTtlMs: config.confirmationTokenTtlMs,
          emailCooldownMs: config.emailCooldownMs,
          emailsPerAddress: config.emailLimitPerAddress,
        }),
      inject: [RandomSource, TokenDigester, Clock, AppConfig],
    },
    {
      provide: Confirmations,
      useFactory: (dataSource: DataSource, cipher: OutboxPayloadCipher, config: AppConfig) =>
        new TypeOrmConfirmations(dataSource, {
          cipher,
          messageIdDomain: messageIdDomain(config.mailFrom),
          webhookUrls: config.webhookUrls,
        }),
      inject: [DataSource, OutboxPayloadCipher, AppConfig],
    },
    {
      provide: AccountActivation,
      useFactory: (
        confirmations: Confirmations,
        digester: TokenDigester,
        hasher: PasswordHasher,
        clock: Clock,
        metrics: RegistrationMetrics,
      ) => new AccountActivation(confirmations, digester, hasher, clock, metrics),
      inject: [Confirmations, TokenDigester, PasswordHasher, Clock, RegistrationMetrics],
    },
    {
      provide: ConfirmEmail,
      useFactory: (confirmations: Confirmations, digester: TokenDigester, activation: AccountActivation) =>
        new ConfirmEmail(confirmations, digester, activation),
      inject: [Confirmations, TokenDigester, AccountActivation],
    },
    {
      provide: ConfirmWithCode,
      useFactory: (
        uow: UnitOfWork,
        confirmations: Confirmations,
        digester: TokenDigester,
        clock: Clock,
        activation: AccountActivation,
        folding: AddressFolding,
      ) => new ConfirmWithCode(uow, confirmations, digester, clock, activation, folding),
      inject: [UnitOfWork, Confirmations, TokenDigester, Clock, AccountActivation, AddressFolding],
    },
    {
      provide: DescribeConfirmationLink,
      useFactory: (confirmations: Confirmations, digester: TokenDigester, clock: Clock) =>
        new DescribeConfirmationLink(confirmations, digester, clock),
      inject: [Confirmations, TokenDigester, Clock],
    },
  ],
})
export class ConfirmationModule {}
