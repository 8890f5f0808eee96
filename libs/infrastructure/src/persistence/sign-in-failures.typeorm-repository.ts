import {
  SignInFailures,
  type SignInAttempt,
  type SignInLockoutRule,
} from '@gatehouse/domain/ports/sign-in-failures.port';
import type { EntityManager } from 'typeorm';

/**
 * One statement reserves an attempt: a new address gets a row, an address in its window one more attempt, an
 * address whose window or lockout ended a fresh window. The row lock of INSERT ... ON CONFLICT DO UPDATE makes
 * concurrent attempts for one address count one after the other; while the address is locked the WHERE leaves
 * the row alone and nothing comes back.
 */
const RESERVE_ATTEMPT = `
  INSERT INTO staff_sign_in_failures AS f (email_normalized, failures, window_started_at, locked_until)
  VALUES ($1, 1, $2, CASE WHEN 1 >= $4::int THEN $5::timestamptz END)
  ON CONFLICT (email_normalized) DO UPDATE SET
    failures = CASE WHEN f.locked_until IS NOT NULL OR f.window_started_at <= $3 THEN 1 ELSE f.failures + 1 END,
    window_started_at = CASE WHEN f.locked_until IS NOT NULL OR f.window_started_at <= $3 THEN $2 ELSE f.window_started_at END,
    locked_until = CASE
      WHEN (CASE WHEN f.locked_until IS NOT NULL OR f.window_started_at <= $3 THEN 1 ELSE f.failures + 1 END) >= $4::int
      THEN $5::timestamptz
    END
  WHERE f.locked_until IS NULL OR f.locked_until <= $2
  RETURNING f.locked_until`;

export class TypeOrmSignInFailures extends SignInFailures {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  async reserveAttempt(normalizedAddress: string, now: Date, rule: SignInLockoutRule): Promise<SignInAttempt> {
    const windowStartedBefore = new Date(now.getTime() - rule.windowMs);
    const lockEnds = new Date(now.getTime() + rule.lockoutMs);
    const reserved: Array<{ locked_until: Date | null }> = await this.manager.query(RESERVE_ATTEMPT, [
      normalizedAddress,
      now,
      windowStartedBefore,
      rule.maxFailures,
      lockEnds,
    ]);
    if (reserved[0]) return { allowed: true, lockedUntil: reserved[0].locked_until };
    const locked: Array<{ locked_until: Date }> = await this.manager.query(
      `SELECT locked_until FROM staff_sign_in_failures WHERE email_normalized = $1 AND locked_until > $2`,
      [normalizedAddress, now],
    );
    // Lifted or ended in between: still refused this once, but nothing to wait for.
    return { allowed: false, lockedUntil: locked[0]?.locked_until ?? now };
  }

  async clear(normalizedAddress: string): Promise<void> {
    await this.manager.query(`DELETE FROM staff_sign_in_failures WHERE email_normalized = $1`, [normalizedAddress]);
  }

  async lift(normalizedAddress: string, now: Date): Promise<Date | null> {
    // TypeORM's PostgreSQL driver answers a DELETE with [rows, rowCount].
    const [rows] = (await this.manager.query(
      `DELETE FROM staff_sign_in_failures WHERE email_normalized = $1 RETURNING locked_until`,
      [normalizedAddress],
    )) as [Array<{ locked_until: Date | null }>, number];
    const until = rows[0]?.locked_until ?? null;
    return until && until.getTime() > now.getTime() ? until : null;
  }
}
