import { CodeAttempts, type CodeAttempt, type CodeAttemptRule } from '@gatehouse/domain/ports/code-attempts.port';
import { LessThan, type EntityManager } from 'typeorm';
import { ConfirmationCodeAttemptRecord } from './confirmation-code-attempt.record';

// One statement counts the attempt and says which it was, so concurrent attempts each get their own number.
// A window that has ended starts again at this attempt.
const RESERVE = `
  INSERT INTO confirmation_code_attempts AS counted (email_normalized, attempts, window_started_at)
  VALUES ($1, 1, $2)
  ON CONFLICT (email_normalized) DO UPDATE SET
    attempts = CASE WHEN counted.window_started_at <= $2::timestamptz - $3 * interval '1 millisecond' THEN 1
      ELSE counted.attempts + 1 END,
    window_started_at = CASE WHEN counted.window_started_at <= $2::timestamptz - $3 * interval '1 millisecond'
      THEN $2::timestamptz ELSE counted.window_started_at END
  RETURNING attempts, window_started_at AS "windowStartedAt"`;

export class TypeOrmCodeAttempts extends CodeAttempts {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  async reserve(normalizedAddress: string, now: Date, rule: CodeAttemptRule): Promise<CodeAttempt> {
    const [row]: Array<Pick<ConfirmationCodeAttemptRecord, 'attempts' | 'windowStartedAt'>> = await this.manager.query(
      RESERVE,
      [normalizedAddress, now, rule.windowMs],
    );
    return { attempt: row.attempts, windowEndsAt: new Date(row.windowStartedAt.getTime() + rule.windowMs) };
  }

  async clear(normalizedAddress: string): Promise<void> {
    await this.manager.getRepository(ConfirmationCodeAttemptRecord).delete({ emailNormalized: normalizedAddress });
  }

  async removeEnded(before: Date): Promise<void> {
    await this.manager.getRepository(ConfirmationCodeAttemptRecord).delete({ windowStartedAt: LessThan(before) });
  }
}
