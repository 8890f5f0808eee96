import type { Clock } from '../ports/clock.port';
import type { RandomSource } from '../ports/random-source.port';
import type { TokenDigester } from '../ports/token-digester.port';
import type { TransactionalPorts } from '../ports/unit-of-work.port';
import type { User } from '../users/user.entity';
import type { ConfirmationPolicy } from './confirmation-policy';
import { ConfirmationToken } from './confirmation-token';
import { codeDigestInput, sixDigitCode } from './confirmation-code';
import { encodeTokenSecret, TOKEN_SECRET_BYTES } from './token-secret';

export type MailOutcome = 'queued' | 'cooling_down';

/**
 * Decides what a person is emailed about their sign-up and queues it, inside the caller's transaction:
 * a pending account gets a fresh link (older links stop working), an active one a notice.
 * Every email honours the per-address cooldown.
 */
export class ConfirmationMailer {
  constructor(
    private readonly random: RandomSource,
    private readonly digester: TokenDigester,
    private readonly clock: Clock,
    private readonly policy: ConfirmationPolicy,
  ) {}

  async sendConfirmation(tx: TransactionalPorts, user: User): Promise<MailOutcome> {
    const now = this.clock.now();
    if (await this.isCoolingDown(tx, user, now)) return 'cooling_down';
    const secret = encodeTokenSecret(this.random.bytes(TOKEN_SECRET_BYTES));
    const id = this.random.uuid();
    const code = sixDigitCode(this.random.bytes(4));
    const token = ConfirmationToken.issue({
      id,
      userId: user.id,
      email: user.email.normalized,
      digest: this.digester.digest(secret),
      codeDigest: this.digester.digest(codeDigestInput(id, code)),
      now,
      ttlMs: this.policy.tokenTtlMs,
    });
    await tx.tokens.supersedeOutstanding(user.id, now);
    await tx.tokens.add(token);
    await tx.outbox.enqueue(
      {
        template: 'confirmation',
        userId: user.id,
        to: user.email.value,
        locale: user.locale,
        data: { token: secret, code, expiresAt: token.expiresAt.toISOString() },
      },
      now,
    );
    return 'queued';
  }

  async sendAlreadyRegisteredNotice(tx: TransactionalPorts, user: User): Promise<MailOutcome> {
    const now = this.clock.now();
    if (await this.isCoolingDown(tx, user, now)) return 'cooling_down';
    await tx.outbox.enqueue(
      { template: 'already-registered', userId: user.id, to: user.email.value, locale: user.locale, data: {} },
      now,
    );
    return 'queued';
  }

  private async isCoolingDown(tx: TransactionalPorts, user: User, now: Date): Promise<boolean> {
    const last = await tx.outbox.lastQueuedAt(user.email.normalized);
    return last !== null && now.getTime() - last.getTime() < this.policy.emailCooldownMs;
  }
}
