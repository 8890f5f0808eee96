import { activateAccount, signUpsWithPassword, type Activation } from '../confirmation/account-activation';
import { CODE_ATTEMPTS, codeDigestInput, normalizeCode } from '../confirmation/confirmation-code';
import { CodeInvalid, CodeLocked, PasswordRequired, TokenExpired } from '../confirmation/confirmation.errors';
import { looksLikeTokenSecret } from '../confirmation/token-secret';
import { InvalidInput } from '../errors/invalid-input.error';
import type { Clock } from '../ports/clock.port';
import type { PasswordHasher } from '../ports/password-hasher.port';
import type { RegistrationMetrics } from '../ports/registration-metrics.port';
import type { TokenDigester } from '../ports/token-digester.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { AddressFolding } from '../users/address-folding';
import { Email } from '../users/email.value-object';
import type { ConfirmerProof } from '../users/sign-up-attempt';
import type { ConfirmEmailResult } from './confirm-email.use-case';

export interface ConfirmWithCodeInput {
  email: string;
  code: string;
  /** As for a link: needed only when the address was signed up more than once. */
  password?: string;
  browserSecret?: string;
}

type Attempt = Activation | { kind: 'refused'; error: Error };

/**
 * Confirms with the address and the 6-digit code from the email, for people whose mail client mangles
 * links or who read mail on another device. Every address, with an account or without, may try 5 codes an
 * hour and gets the same answers, so the code says nothing about which addresses have accounts.
 */
export class ConfirmWithCode {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly digester: TokenDigester,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly metrics: RegistrationMetrics,
    private readonly folding: AddressFolding,
  ) {}

  async execute(input: ConfirmWithCodeInput): Promise<ConfirmEmailResult> {
    const email = Email.parse(input.email, this.folding);
    const code = normalizeCode(input.code);
    if (!code) throw InvalidInput.of('code', 'code.shape', 'Enter the 6 digits from the email.');
    const proof: ConfirmerProof = {
      browserDigest:
        input.browserSecret && looksLikeTokenSecret(input.browserSecret)
          ? this.digester.digest(input.browserSecret)
          : null,
      verifiedSignUpIds: [],
    };

    // Counted and committed before the code is compared, so guesses sent at once cannot get more checked.
    const counted = await this.unitOfWork.run((tx) =>
      tx.codeAttempts.reserve(email.normalized, this.clock.now(), CODE_ATTEMPTS),
    );
    if (counted.attempt > CODE_ATTEMPTS.maxAttempts) throw new CodeLocked();
    const refuseWrongCode = () => (counted.attempt >= CODE_ATTEMPTS.maxAttempts ? new CodeLocked() : new CodeInvalid());

    let outcome = await this.attempt(email, code, proof, refuseWrongCode);
    if (outcome.kind === 'proof_needed' && input.password) {
      const verified = await signUpsWithPassword(this.hasher, outcome.signUps, input.password);
      if (!verified.length) throw new PasswordRequired(true);
      outcome = await this.attempt(email, code, { ...proof, verifiedSignUpIds: verified }, refuseWrongCode);
    }
    if (outcome.kind === 'refused') throw outcome.error;
    if (outcome.kind === 'proof_needed') throw new PasswordRequired();
    if (outcome.activatedAfterMs !== undefined) this.metrics.confirmed(outcome.activatedAfterMs);
    return { status: outcome.status, maskedEmail: outcome.maskedEmail };
  }

  private attempt(email: Email, code: string, proof: ConfirmerProof, refuseWrongCode: () => Error): Promise<Attempt> {
    return this.unitOfWork.run(async (tx): Promise<Attempt> => {
      const user = await tx.users.findByEmailForUpdate(email);
      const token = user ? await tx.tokens.findNewestOutstanding(user.id) : null;
      const right =
        !!user && !!token?.codeDigest && this.digester.digest(codeDigestInput(token.id, code)) === token.codeDigest;
      if (!user || !token || !right) return { kind: 'refused', error: refuseWrongCode() };
      const now = this.clock.now();
      if (token.state(now) === 'expired') return { kind: 'refused', error: new TokenExpired() };
      token.assertUsableFor(user.email.normalized, now);
      const activation = await activateAccount(tx, user, token, proof, now);
      if (activation.kind === 'done') await tx.codeAttempts.clear(email.normalized);
      return activation;
    });
  }
}
