import { SignUpAttempts } from '@gatehouse/domain/ports/sign-up-attempts.port';
import type { SignUpAttempt } from '@gatehouse/domain/users/sign-up-attempt';
import type { EntityManager } from 'typeorm';
import { SignUpAttemptRecord } from './sign-up-attempt.record';

/** A sign-up's values by name, as its record holds them. */
export const SIGN_UP_VALUES = ['id', 'userId', 'passwordHash', 'browserDigest', 'createdAt'] as const;
export type SignUpValue = (typeof SIGN_UP_VALUES)[number];

export function signUpNamedValues(attempt: SignUpAttempt): Record<SignUpValue, unknown> {
  return { ...attempt };
}

/** Stores a sign-up once for each row `source` returns: the one-statement sign-up's fragment. */
export function addSignUpFrom(source: string, p: Record<SignUpValue, string>): string {
  return `INSERT INTO sign_up_attempts (id, user_id, password_hash, browser_digest, created_at)
    SELECT ${p.id}::uuid, ${p.userId}::uuid, ${p.passwordHash}::text, ${p.browserDigest}::text, ${p.createdAt}::timestamptz
      FROM ${source}`;
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
