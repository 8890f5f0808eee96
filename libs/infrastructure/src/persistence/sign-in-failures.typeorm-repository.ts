import { SignInFailures } from '@gatehouse/domain/ports/sign-in-failures.port';
import type { EntityManager } from 'typeorm';

export class TypeOrmSignInFailures extends SignInFailures {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  async lockedUntil(normalizedAddress: string, now: Date): Promise<Date | null> {
    const rows: Array<{ locked_until: Date }> = await this.manager.query(
      `SELECT locked_until FROM staff_sign_in_failures WHERE email_normalized = $1 AND locked_until > $2`,
      [normalizedAddress, now],
    );
    return rows[0]?.locked_until ?? null;
  }

  async record(
    normalizedAddress: string,
    now: Date,
    rule: { maxFailures: number; windowMs: number; lockoutMs: number },
  ): Promise<Date | null> {
    await this.manager.query(
      `INSERT INTO staff_sign_in_failures (email_normalized, failures, window_started_at) VALUES ($1, 0, $2)
       ON CONFLICT (email_normalized) DO NOTHING`,
      [normalizedAddress, now],
    );
    // The row lock makes concurrent failures for one address count one after the other.
    const rows: Array<{ failures: number; window_started_at: Date }> = await this.manager.query(
      `SELECT failures, window_started_at FROM staff_sign_in_failures WHERE email_normalized = $1 FOR UPDATE`,
      [normalizedAddress],
    );
    const windowOver = now.getTime() - rows[0].window_started_at.getTime() >= rule.windowMs;
    const failures = windowOver ? 1 : rows[0].failures + 1;
    const lockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockoutMs) : null;
    await this.manager.query(
      `UPDATE staff_sign_in_failures
       SET failures = $2, window_started_at = $3, locked_until = COALESCE($4, locked_until)
       WHERE email_normalized = $1`,
      // A lockout starts a fresh window, so the first failure after it does not lock again at once.
      [
        normalizedAddress,
        lockedUntil ? 0 : failures,
        windowOver || lockedUntil ? now : rows[0].window_started_at,
        lockedUntil,
      ],
    );
    return lockedUntil;
  }

  async clear(normalizedAddress: string): Promise<void> {
    await this.manager.query(`DELETE FROM staff_sign_in_failures WHERE email_normalized = $1`, [normalizedAddress]);
  }
}
