import { Clock } from '@gatehouse/domain/ports/clock.port';
import { CommonPasswords } from '@gatehouse/domain/ports/common-passwords.port';
import { PasswordHasher } from '@gatehouse/domain/ports/password-hasher.port';
import { RandomSource } from '@gatehouse/domain/ports/random-source.port';
import { UnitOfWork } from '@gatehouse/domain/ports/unit-of-work.port';
import { CreateStaffMember } from '@gatehouse/domain/use-cases/create-staff-member.use-case';
import { ZxcvbnCommonPasswords } from '@gatehouse/infrastructure/security/zxcvbn.common-passwords';
import { Module } from '@nestjs/common';

/**
 * Creating staff accounts, with the password rules people signing up get: the back office and `npm run staff`
 * both take it from here, so the command line cannot wire it differently.
 */
@Module({
  providers: [
    { provide: CommonPasswords, useFactory: () => new ZxcvbnCommonPasswords() },
    {
      provide: CreateStaffMember,
      useFactory: (
        uow: UnitOfWork,
        hasher: PasswordHasher,
        random: RandomSource,
        clock: Clock,
        common: CommonPasswords,
      ) => new CreateStaffMember(uow, hasher, random, clock, common),
      inject: [UnitOfWork, PasswordHasher, RandomSource, Clock, CommonPasswords],
    },
  ],
  exports: [CreateStaffMember, CommonPasswords],
})
export class StaffAccountsModule {}
