import { ConfirmationEmails } from '@gatehouse/domain/confirmation/confirmation-emails';
import { Clock } from '@gatehouse/domain/ports/clock.port';
import { PasswordHasher } from '@gatehouse/domain/ports/password-hasher.port';
import { RandomSource } from '@gatehouse/domain/ports/random-source.port';
import { Suppressions } from '@gatehouse/domain/ports/suppressions.port';
import { TokenDigester } from '@gatehouse/domain/ports/token-digester.port';
import { UnitOfWork } from '@gatehouse/domain/ports/unit-of-work.port';
import type { StaffSessionPolicy } from '@gatehouse/domain/staff/staff-session';
import { UserActionRunner } from '@gatehouse/domain/staff/user-actions';
import { AuthenticateStaff } from '@gatehouse/domain/use-cases/authenticate-staff.use-case';
import { BulkResendConfirmation } from '@gatehouse/domain/use-cases/bulk-resend-confirmation.use-case';
import { CompleteStaffSetup } from '@gatehouse/domain/use-cases/complete-staff-setup.use-case';
import { ConfirmUserByStaff } from '@gatehouse/domain/use-cases/confirm-user-by-staff.use-case';
import { CreateStaffMember } from '@gatehouse/domain/use-cases/create-staff-member.use-case';
import { DeleteUser } from '@gatehouse/domain/use-cases/delete-user.use-case';
import { DisableUser } from '@gatehouse/domain/use-cases/disable-user.use-case';
import { EnableUser } from '@gatehouse/domain/use-cases/enable-user.use-case';
import { LiftStaffLockout } from '@gatehouse/domain/use-cases/lift-staff-lockout.use-case';
import { LiftUserSignInLockout } from '@gatehouse/domain/use-cases/lift-user-sign-in-lockout.use-case';
import { LiftSuppression } from '@gatehouse/domain/use-cases/lift-suppression.use-case';
import { PrepareFirstAdmin } from '@gatehouse/domain/use-cases/prepare-first-admin.use-case';
import { RecordUsersExport } from '@gatehouse/domain/use-cases/record-users-export.use-case';
import { ResendConfirmationByStaff } from '@gatehouse/domain/use-cases/resend-confirmation-by-staff.use-case';
import { DEFAULT_SIGN_IN_LOCKOUT, SignInStaff } from '@gatehouse/domain/use-cases/sign-in-staff.use-case';
import { SignOutStaff } from '@gatehouse/domain/use-cases/sign-out-staff.use-case';
import { UpdateStaffMember } from '@gatehouse/domain/use-cases/update-staff-member.use-case';
import { StaffMemberRecord } from '@gatehouse/infrastructure/persistence/staff-member.record';
import { TypeOrmSuppressions } from '@gatehouse/infrastructure/persistence/suppressions.typeorm-repository';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Runtime } from '../runtime/runtime';
import { StaffAuthGuard } from './auth/staff-auth.guard';
import { ConfirmationModule } from '../confirmation/confirmation.module';
import { StaffCookies } from './auth/staff-cookies';
import { StaffAccountsModule } from './staff/staff-accounts.module';
import { AuditController } from './audit.controller';
import { AuditLogQuery } from './queries/audit-log.query';
import { RegistrationStatsQuery } from './queries/registration-stats.query';
import { UserDetailQuery } from './queries/user-detail.query';
import { UsersDirectoryQuery } from './queries/users-directory.query';
import { StatsController } from './stats.controller';
import { UsersController } from './users/users.controller';
import { SessionController } from './session/session.controller';
import { StaffDirectoryQuery } from './staff/staff-directory.query';
import { StaffController } from './staff/staff.controller';
import { UserActionsController } from './users/user-actions.controller';

const SESSION_POLICY = Symbol('StaffSessionPolicy');

/** A use case built by `build` from the providers listed in `inject`, in that order. */
function useCase<T>(provide: new (...args: never[]) => T, inject: unknown[], build: (...deps: never[]) => T): Provider {
  return { provide, useFactory: build, inject: inject as never[] };
}

/** The back office under /api/admin: staff sessions, the users, the audit log, the staff list. */
@Module({})
export class AdminModule {
  static forRoot(runtime: Runtime): DynamicModule {
    const { config } = runtime;
    return {
      module: AdminModule,
      imports: [TypeOrmModule.forFeature([StaffMemberRecord]), ConfirmationModule, StaffAccountsModule],
      controllers: [
        SessionController,
        UsersController,
        UserActionsController,
        StatsController,
        AuditController,
        StaffController,
      ],
      providers: [
        StaffAuthGuard,
        StaffDirectoryQuery,
        UsersDirectoryQuery,
        UserDetailQuery,
        RegistrationStatsQuery,
        AuditLogQuery,
        {
          provide: Suppressions,
          useFactory: (dataSource: DataSource) => new TypeOrmSuppressions(dataSource),
          inject: [DataSource],
        },
        {
          provide: StaffCookies,
          useValue: new StaffCookies(runtime.appSecret, config.appUrl, config.staffSessionLifetimeMs),
        },
        {
          provide: SESSION_POLICY,
          useValue: {
            idleTimeoutMs: config.staffSessionIdleTimeoutMs,
            absoluteLifetimeMs: config.staffSessionLifetimeMs,
          } satisfies StaffSessionPolicy,
        },
        useCase(
          SignInStaff,
          [UnitOfWork, PasswordHasher, TokenDigester, RandomSource, Clock, SESSION_POLICY],
          (
            uow: UnitOfWork,
            hasher: PasswordHasher,
            digester: TokenDigester,
            random: RandomSource,
            clock: Clock,
            policy: StaffSessionPolicy,
          ) => new SignInStaff(uow, hasher, digester, random, clock, policy, DEFAULT_SIGN_IN_LOCKOUT),
        ),
        useCase(
          AuthenticateStaff,
          [UnitOfWork, TokenDigester, Clock, SESSION_POLICY],
          (uow: UnitOfWork, digester: TokenDigester, clock: Clock, policy: StaffSessionPolicy) =>
            new AuthenticateStaff(uow, digester, clock, policy),
        ),
        useCase(
          SignOutStaff,
          [UnitOfWork, TokenDigester, Clock],
          (uow: UnitOfWork, digester: TokenDigester, clock: Clock) => new SignOutStaff(uow, digester, clock),
        ),
        // Staff passwords meet the sign-up rules, on the same list (the registration module keeps its own).
        useCase(
          UpdateStaffMember,
          [UnitOfWork, RandomSource, Clock],
          (uow: UnitOfWork, random: RandomSource, clock: Clock) => new UpdateStaffMember(uow, random, clock),
        ),
        useCase(
          LiftStaffLockout,
          [UnitOfWork, RandomSource, Clock],
          (uow: UnitOfWork, random: RandomSource, clock: Clock) => new LiftStaffLockout(uow, random, clock),
        ),
        useCase(
          PrepareFirstAdmin,
          [UnitOfWork, CreateStaffMember, TokenDigester, RandomSource, Clock],
          (uow: UnitOfWork, create: CreateStaffMember, digester: TokenDigester, random: RandomSource, clock: Clock) =>
            new PrepareFirstAdmin(uow, create, digester, random, clock),
        ),
        useCase(
          CompleteStaffSetup,
          [UnitOfWork, CreateStaffMember, TokenDigester, Clock],
          (uow: UnitOfWork, create: CreateStaffMember, digester: TokenDigester, clock: Clock) =>
            new CompleteStaffSetup(uow, create, digester, clock),
        ),
        useCase(
          UserActionRunner,
          [UnitOfWork, RandomSource, Clock],
          (uow: UnitOfWork, random: RandomSource, clock: Clock) => new UserActionRunner(uow, random, clock),
        ),
        useCase(ConfirmUserByStaff, [UserActionRunner], (runner: UserActionRunner) => new ConfirmUserByStaff(runner)),
        useCase(DisableUser, [UserActionRunner], (runner: UserActionRunner) => new DisableUser(runner)),
        useCase(EnableUser, [UserActionRunner], (runner: UserActionRunner) => new EnableUser(runner)),
        useCase(DeleteUser, [UserActionRunner], (runner: UserActionRunner) => new DeleteUser(runner)),
        useCase(
          LiftUserSignInLockout,
          [UserActionRunner],
          (runner: UserActionRunner) => new LiftUserSignInLockout(runner),
        ),
        useCase(
          ResendConfirmationByStaff,
          [UserActionRunner, ConfirmationEmails, Suppressions],
          (runner: UserActionRunner, mailer: ConfirmationEmails, suppressions: Suppressions) =>
            new ResendConfirmationByStaff(runner, mailer, suppressions),
        ),
        useCase(
          BulkResendConfirmation,
          [UnitOfWork, ConfirmationEmails, RandomSource, Clock, Suppressions],
          (
            uow: UnitOfWork,
            mailer: ConfirmationEmails,
            random: RandomSource,
            clock: Clock,
            suppressions: Suppressions,
          ) => new BulkResendConfirmation(uow, mailer, random, clock, suppressions),
        ),
        useCase(
          LiftSuppression,
          [UnitOfWork, Suppressions, RandomSource, Clock],
          (uow: UnitOfWork, suppressions: Suppressions, random: RandomSource, clock: Clock) =>
            new LiftSuppression(uow, suppressions, random, clock),
        ),
        useCase(
          RecordUsersExport,
          [UnitOfWork, RandomSource, Clock],
          (uow: UnitOfWork, random: RandomSource, clock: Clock) => new RecordUsersExport(uow, random, clock),
        ),
      ],
      exports: [PrepareFirstAdmin],
    };
  }
}
