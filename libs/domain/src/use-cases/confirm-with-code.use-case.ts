import { codeDigestInput, normalizeCode } from '../confirmation/confirmation-code';
import { CodeInvalid, CodeLocked, TokenExpired } from '../confirmation/confirmation.errors';
import { InvalidInput } from '../errors/invalid-input.error';
import type { Clock } from '../ports/clock.port';
import type { TokenDigester } from '../ports/token-digester.port';
import type { RegistrationMetrics } from '../ports/registration-metrics.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { AddressFolding } from '../users/address-folding';
import { Email } from '../users/email.value-object';
import type { ConfirmEmailResult } from './confirm-email.use-case';

type Outcome =
  { kind: 'confirmed'; result: ConfirmEmailResult; activatedAfterMs: number } | { kind: 'refused'; error: Error };

/**
 * Confirms with the address and the 6-digit code from the email, for people whose mail client mangles
 * links or who read mail on another device. Each token's code takes at most 5 wrong tries.
 */
export class ConfirmWithCode {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly digester: TokenDigester,
    private readonly clock: Clock,
    private readonly metrics: RegistrationMetrics,
    private readonly folding: AddressFolding,
  ) {}

  async execute(input: { email: string; code: string }): Promise<ConfirmEmailResult> {
    const email = Email.parse(input.email, this.folding);
    const code = normalizeCode(input.code);
    if (!code) throw InvalidInput.of('code', 'code.shape', 'Enter the 6 digits from the email.');

    // A wrong try must be counted even though the request fails, so the transaction returns the refusal
    // and it is thrown only after the count has committed.
    const outcome = await this.unitOfWork.run(async (tx): Promise<Outcome> => {
      const user = await tx.users.findByEmailForUpdate(email);
      const token = user ? await tx.tokens.findNewestOutstanding(user.id) : null;
      if (!user || !token) return { kind: 'refused', error: new CodeInvalid() };
      if (token.isCodeLocked) return { kind: 'refused', error: new CodeLocked() };
      const now = this.clock.now();
      if (this.digester.digest(codeDigestInput(token.id, code)) !== token.codeDigest) {
        const failures = await tx.tokens.recordFailedCode(token.id);
        return { kind: 'refused', error: failures >= 5 ? new CodeLocked() : new CodeInvalid() };
      }
      if (token.state(now) === 'expired') return { kind: 'refused', error: new TokenExpired() };
      token.assertUsableFor(user.email.normalized, now);
      const status = user.confirm(now);
      if (!(await tx.tokens.consume(token.id, now))) return { kind: 'refused', error: new CodeInvalid() };
      await tx.tokens.supersedeOutstanding(user.id, now);
      await tx.users.save(user);
      if (status === 'confirmed') {
        await tx.events.publish({ type: 'user.confirmed', userId: user.id, email: user.email.value, occurredAt: now });
      }
      return {
        kind: 'confirmed',
        result: { status, maskedEmail: user.email.masked() },
        activatedAfterMs: now.getTime() - user.createdAt.getTime(),
      };
    });
    if (outcome.kind === 'refused') throw outcome.error;
    if (outcome.result.status === 'confirmed') this.metrics.confirmed(outcome.activatedAfterMs);
    return outcome.result;
  }
}
