import {
  SignInFailures,
  type SignInAttempt,
  type SignInLockoutRule,
} from '@gatehouse/domain/ports/sign-in-failures.port';
import { MoreThan, type EntityManager, type Repository } from 'typeorm';
import { RESERVE_USER_ATTEMPT, UserSignInFailureRecord } from './user-sign-in-failure.record';
import {
  RESERVE_ATTEMPT,
  reserveAttemptParameters,
  StaffSignInFailureRecord,
  type ReservedAttemptRow,
} from './staff-sign-in-failure.record';

/** Whose attempts: staff's (staff_sign_in_failures) or people's (user_sign_in_failures), tables of one shape. */
export type SignInFailuresOf = 'staff' | 'users';

const TABLES = {
  staff: { record: StaffSignInFailureRecord, reserve: RESERVE_ATTEMPT },
  users: { record: UserSignInFailureRecord, reserve: RESERVE_USER_ATTEMPT },
} as const;

export class TypeOrmSignInFailures extends SignInFailures {
  private readonly records: Repository<StaffSignInFailureRecord | UserSignInFailureRecord>;
  private readonly reserve: string;

  constructor(
    private readonly manager: EntityManager,
    of: SignInFailuresOf = 'staff',
  ) {
    super();
    this.records = manager.getRepository<StaffSignInFailureRecord | UserSignInFailureRecord>(TABLES[of].record);
    this.reserve = TABLES[of].reserve;
  }

  async reserveAttempt(normalizedAddress: string, now: Date, rule: SignInLockoutRule): Promise<SignInAttempt> {
    const reserved: ReservedAttemptRow[] = await this.manager.query(
      this.reserve,
      reserveAttemptParameters({
        emailNormalized: normalizedAddress,
        now,
        windowStartedBefore: new Date(now.getTime() - rule.windowMs),
        maxFailures: rule.maxFailures,
        lockEnds: new Date(now.getTime() + rule.lockoutMs),
      }),
    );
    if (reserved[0]) return { allowed: true, lockedUntil: reserved[0].lockedUntil };
    const locked = await this.records.findOne({
      select: { emailNormalized: true, lockedUntil: true },
      where: { emailNormalized: normalizedAddress, lockedUntil: MoreThan(now) },
    });
    // Lifted or ended in between: still refused this once, but nothing to wait for.
    return { allowed: false, lockedUntil: locked?.lockedUntil ?? now };
  }

  async clear(normalizedAddress: string): Promise<void> {
    await this.records.delete({ emailNormalized: normalizedAddress });
  }

  async lift(normalizedAddress: string, now: Date): Promise<Date | null> {
    // One statement: the lockout that was in force is the one deleted, whatever a concurrent attempt did.
    const result = await this.records
      .createQueryBuilder()
      .delete()
      .where({ emailNormalized: normalizedAddress })
      .returning(['lockedUntil'])
      .execute();
    const [deleted] = (result.raw as Array<{ locked_until: Date | null }>) ?? [];
    const until = deleted?.locked_until ?? null;
    return until && until.getTime() > now.getTime() ? until : null;
  }
}
