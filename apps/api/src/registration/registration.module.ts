import { ConfirmationEmails } from '@gatehouse/domain/confirmation/confirmation-emails';
import { Clock } from '@gatehouse/domain/ports/clock.port';
import { CommonPasswords } from '@gatehouse/domain/ports/common-passwords.port';
import { DisposableDomains } from '@gatehouse/domain/ports/disposable-domains.port';
import { ListedDisposableDomains } from '@gatehouse/infrastructure/security/listed.disposable-domains';
import { ZxcvbnCommonPasswords } from '@gatehouse/infrastructure/security/zxcvbn.common-passwords';
import { PasswordHasher } from '@gatehouse/domain/ports/password-hasher.port';
import { RandomSource } from '@gatehouse/domain/ports/random-source.port';
import { RegistrationMetrics } from '@gatehouse/domain/ports/registration-metrics.port';
import { TokenDigester } from '@gatehouse/domain/ports/token-digester.port';
import { NewAccounts } from '@gatehouse/domain/ports/new-accounts.port';
import { UnitOfWork } from '@gatehouse/domain/ports/unit-of-work.port';
import { RegisterUser } from '@gatehouse/domain/use-cases/register-user.use-case';
import { ResendConfirmation } from '@gatehouse/domain/use-cases/resend-confirmation.use-case';
import { AddressFolding } from '@gatehouse/domain/users/address-folding';
import { SignUpRules } from '@gatehouse/domain/users/sign-up-rules';
import { Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CommonPasswordsController } from './common-passwords.controller';
import { addressFoldingProvider } from './address-folding.provider';
import { DevInboxLink } from './dev-inbox-link';
import { RegistrationPage } from './registration.page';
import { RegistrationsController } from './registrations.controller';
import { ConfirmationModule } from '../confirmation/confirmation.module';

@Module({})
export class RegistrationModule {
  static forRoot(devInboxUrl: string | undefined): DynamicModule {
    return {
      module: RegistrationModule,
      // Sign-up queues the first link and answers known addresses through the confirmation's emails.
      imports: [ConfirmationModule],
      controllers: [RegistrationsController, RegistrationPage, CommonPasswordsController],
      providers: [
        { provide: DevInboxLink, useValue: new DevInboxLink(devInboxUrl) },
        addressFoldingProvider,
        { provide: ZxcvbnCommonPasswords, useValue: new ZxcvbnCommonPasswords() },
        { provide: CommonPasswords, useExisting: ZxcvbnCommonPasswords },
        {
          provide: DisposableDomains,
          useFactory: (config: AppConfig) =>
            new ListedDisposableDomains({ file: config.disposableDomainsFile, allow: config.allowedDisposableDomains }),
          inject: [AppConfig],
        },
        {
          provide: SignUpRules,
          useFactory: (common: CommonPasswords, disposable: DisposableDomains, folding: AddressFolding) =>
            new SignUpRules(common, disposable, folding),
          inject: [CommonPasswords, DisposableDomains, AddressFolding],
        },
        {
          provide: RegisterUser,
          useFactory: (
            newAccounts: NewAccounts,
            uow: UnitOfWork,
            hasher: PasswordHasher,
            random: RandomSource,
            clock: Clock,
            mailer: ConfirmationEmails,
            metrics: RegistrationMetrics,
            rules: SignUpRules,
            digester: TokenDigester,
          ) => new RegisterUser(newAccounts, uow, hasher, random, clock, mailer, metrics, rules, digester),
          inject: [
            NewAccounts,
            UnitOfWork,
            PasswordHasher,
            RandomSource,
            Clock,
            ConfirmationEmails,
            RegistrationMetrics,
            SignUpRules,
            TokenDigester,
          ],
        },
        {
          provide: ResendConfirmation,
          useFactory: (
            uow: UnitOfWork,
            mailer: ConfirmationEmails,
            metrics: RegistrationMetrics,
            folding: AddressFolding,
          ) => new ResendConfirmation(uow, mailer, metrics, folding),
          inject: [UnitOfWork, ConfirmationEmails, RegistrationMetrics, AddressFolding],
        },
      ],
    };
  }
}
