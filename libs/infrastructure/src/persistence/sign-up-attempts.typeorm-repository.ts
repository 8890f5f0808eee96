import { SignUpAttempts } from '@gatehouse/domain/ports/sign-up-attempts.port';
import type { SignUpAttempt } from '@gatehouse/domain/users/sign-up-attempt';
import type { EntityManager } from 'typeorm';
import { SignUpAttemptRecord } from './sign-up-attempt.record';

/** The one-statement sign-up inserts the first attempt with these values, in the record's column order. */
export const SIGN_UP_ATTEMPT_COLUMNS = 'id, user_id, password_hash, browser_digest, created_at';

export function signUpAttemptValues(attempt: SignUpAttempt): unknown[] {
  return [attempt.id, attempt.userId, attempt.passwordHash, attempt.browserDigest, attempt.createdAt];
}

function toDomain(record: SignUpAttemptRecord): SignUpAttempt {
  return {
    id: record.id,
    userId: record.userId,
    passwordHash: record.passwordHash,
    browserDigest: record.browserDigest,
    createdAt: record.createdAt,
  };
}

export class TypeOrmSignUpAttempts extends SignUpAttempts {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  async add(attempt: SignUpAttempt, keepNewest: number): Promise<void> {
    const records = this.manager.getRepository(SignUpAttemptRecord);
    await records.insert({ ...attempt });
    // The caller holds the account's row, so sign-ups of one address are counted one at a time.
    const older = await records.find({
      select: { id: true },
      where: { userId: attempt.userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: keepNewest,
    });
    if (older.length) await records.delete(older.map((record) => record.id));
  }

  async forUser(userId: string): Promise<SignUpAttempt[]> {
    const records = await this.manager
      .getRepository(SignUpAttemptRecord)
      .find({ where: { userId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return records.map(toDomain);
  }

  async clear(userId: string): Promise<void> {
    await this.manager.getRepository(SignUpAttemptRecord).delete({ userId });
  }
}
