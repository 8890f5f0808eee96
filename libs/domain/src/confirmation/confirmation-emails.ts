import type { OutgoingEmail } from '../mail/outgoing-email';
import type { Clock } from '../ports/clock.port';
import type { RandomSource } from '../ports/random-source.port';
import type { TokenDigester } from '../ports/token-digester.port';
import type { TransactionalPorts } from '../ports/unit-of-work.port';
import type { User } from '../users/user.entity';
import type { ConfirmationPolicy } from './confirmation-policy';
import { ConfirmationToken } from './confirmation-token';
import { codeDigestInput, sixDigitCode } from './confirmation-code';
import { encodeTokenSecret, TOKEN_SECRET_BYTES } from './token-secret';

/**
 * Whether the email was queued, or refused by the per-address limits and when the next one may go.
 * Public endpoints answer the same either way (no enumeration); the back office tells its staff.
 */
export type MailOutcome = { kind: 'queued' } | { kind: 'limited'; nextAllowedAt: Date };

/**
 * Decides what a person is emailed about their sign-up and queues it, inside the caller's transaction:
 * a pending account gets a fresh link (older links stop working), an active one a notice.
 * Every email honours the per-address limits, whichever path asks: at most one per cooldown and
 * `emailsPerAddress.limit` per window, counted from the outbox that every instance shares. The caller
 * holds the user's row locked, so two requests for one address cannot both pass the count.
 */
export class ConfirmationEmails {
  constructor(
    private readonly random: RandomSource,
    private readonly digester: TokenDigester,
    private readonly clock: Clock,
    private readonly policy: ConfirmationPolicy,
  ) {}

  async sendConfirmation(tx: TransactionalPorts, user: User): Promise<MailOutcome> {
    const now = this.clock.now();
    const nextAllowedAt = await this.nextAllowedAt(tx, user, now);
    if (nextAllowedAt) return { kind: 'limited', nextAllowedAt };
    const { token, email } = this.issue(user, now);
    await tx.tokens.supersedeOutstanding(user.id, now);
    await tx.tokens.add(token);
    await tx.outbox.enqueue(email, now);
    return { kind: 'queued' };
  }

  /**
   * The link and email for an account that did not exist until now, for the caller to store with it: its
   * address has no emails to count against the limits (a deleted account's go with it) and no older links.
   */
  firstConfirmation(user: User): { token: ConfirmationToken; email: OutgoingEmail } {
    return this.issue(user, user.createdAt);
  }

  private issue(user: User, now: Date): { token: ConfirmationToken; email: OutgoingEmail } {
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
    const email: OutgoingEmail = {
      template: 'confirmation',
      userId: user.id,
      to: user.email,
      locale: user.locale,
      data: { token: secret, code, expiresAt: token.expiresAt.toISOString() },
    };
    return { token, email };
  }

  async sendAlreadyRegisteredNotice(tx: TransactionalPorts, user: User): Promise<MailOutcome> {
    const now = this.clock.now();
    const nextAllowedAt = await this.nextAllowedAt(tx, user, now);
    if (nextAllowedAt) return { kind: 'limited', nextAllowedAt };
    await tx.outbox.enqueue(
      { template: 'already-registered', userId: user.id, to: user.email, locale: user.locale, data: {} },
      now,
    );
    return { kind: 'queued' };
  }

  /** When this address may get its next email; null when it may get one now. */
  private async nextAllowedAt(tx: TransactionalPorts, user: User, now: Date): Promise<Date | null> {
    const { emailCooldownMs, emailsPerAddress } = this.policy;
    const lookBackMs = Math.max(emailCooldownMs, emailsPerAddress.windowMs);
    const times = (await tx.outbox.queuedTimesSince(user.email.normalized, new Date(now.getTime() - lookBackMs)))
      .map((time) => time.getTime())
      .sort((a, b) => a - b);
    let allowedAt = -Infinity;
    const last = times[times.length - 1];
    if (last !== undefined) allowedAt = Math.max(allowedAt, last + emailCooldownMs);
    const inWindow = times.filter((time) => time > now.getTime() - emailsPerAddress.windowMs);
    if (inWindow.length >= emailsPerAddress.limit) {
      // The window slides: a new email may go once enough of these have aged out of it to leave room.
      allowedAt = Math.max(allowedAt, inWindow[inWindow.length - emailsPerAddress.limit] + emailsPerAddress.windowMs);
    }
    return allowedAt > now.getTime() ? new Date(allowedAt) : null;
  }
}
