import {
  SignInFailures,
  type SignInAttempt,
  type SignInLockoutRule,
} from '@gatehouse/domain/ports/sign-in-failures.port';
import { MoreThan, type EntityManager, type Repository } from 'typeorm';
import {
  RESERVE_ATTEMPT,
  reserveAttemptParameters,
  StaffSignInFailureRecord,
  type ReservedAttemptRow,
} from './staff-sign-in-failure.record';

export class TypeOrmSignInFailures extends SignInFailures {
  private readonly records: Repository<StaffSignInFailureRecord>;

  constructor(private readonly manager: EntityManager) {
    super();
    this.records = manager.getRepository(StaffSignInFailureRecord);
  }

  async reserveAttempt(normalizedAddress: string, now: Date, rule: SignInLockoutRule): Promise<SignInAttempt> {
    const reserved: ReservedAttemptRow[] = await this.manager.query(
      RESERVE_ATTEMPT,
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
