import { TokenInvalid } from '../confirmation/confirmation.errors';
import { looksLikeTokenSecret } from '../confirmation/token-secret';
import type { Clock } from '../ports/clock.port';
import type { TokenDigester } from '../ports/token-digester.port';
import type { RegistrationMetrics } from '../ports/registration-metrics.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { ConfirmOutcome } from '../users/user.entity';

export interface ConfirmEmailResult {
  status: ConfirmOutcome;
  maskedEmail: string;
}

/** Uses a confirmation link: the account becomes active, the token can never be used again. */
export class ConfirmEmail {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly digester: TokenDigester,
    private readonly clock: Clock,
    private readonly metrics: RegistrationMetrics,
  ) {}

  async execute(input: { token: string }): Promise<ConfirmEmailResult> {
    if (!looksLikeTokenSecret(input.token)) throw new TokenInvalid();
    const digest = this.digester.digest(input.token);

    let activatedAfterMs: number | undefined;
    const result = await this.unitOfWork.run(async (tx): Promise<ConfirmEmailResult> => {
      const token = await tx.tokens.findByDigest(digest);
      if (!token) throw new TokenInvalid();
      // Locking the user serialises every confirmation of one account, so two clicks cannot both win.
      const user = await tx.users.findByIdForUpdate(token.userId);
      if (!user) throw new TokenInvalid();
      const now = this.clock.now();

      if (token.usedAt) {
        if (user.isActive) return { status: 'already_confirmed', maskedEmail: user.email.masked() };
        throw new TokenInvalid();
      }
      token.assertUsableFor(user.email.normalized, now);
      const status = user.confirm(now);
      if (!(await tx.tokens.consume(token.id, now))) throw new TokenInvalid();
      await tx.tokens.supersedeOutstanding(user.id, now);
      await tx.users.save(user);
      if (status === 'confirmed') {
        activatedAfterMs = now.getTime() - user.createdAt.getTime();
        await tx.events.publish({ type: 'user.confirmed', userId: user.id, email: user.email.value, occurredAt: now });
      }
      return { status, maskedEmail: user.email.masked() };
    });
    if (activatedAfterMs !== undefined) this.metrics.confirmed(activatedAfterMs);
    return result;
  }
}
