import { activateAccount, signUpsWithPassword, type Activation } from '../confirmation/account-activation';
import { PasswordRequired, TokenInvalid } from '../confirmation/confirmation.errors';
import { looksLikeTokenSecret } from '../confirmation/token-secret';
import type { Clock } from '../ports/clock.port';
import type { PasswordHasher } from '../ports/password-hasher.port';
import type { RegistrationMetrics } from '../ports/registration-metrics.port';
import type { TokenDigester } from '../ports/token-digester.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { ConfirmerProof } from '../users/sign-up-attempt';
import { UserDisabled } from '../users/user.errors';
import type { ConfirmOutcome } from '../users/user.entity';

export interface ConfirmEmailResult {
  status: ConfirmOutcome;
  maskedEmail: string;
}

export interface ConfirmEmailInput {
  token: string;
  /** The password the confirmer chose at sign-up: needed only when the address was signed up more than once. */
  password?: string;
  /** The confirming browser's sign-up cookie, which shows the same without typing. */
  browserSecret?: string;
}

/** Uses a confirmation link: the account becomes active, the token can never be used again. */
export class ConfirmEmail {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly digester: TokenDigester,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly metrics: RegistrationMetrics,
  ) {}

  async execute(input: ConfirmEmailInput): Promise<ConfirmEmailResult> {
    if (!looksLikeTokenSecret(input.token)) throw new TokenInvalid();
    const digest = this.digester.digest(input.token);
    const proof: ConfirmerProof = {
      browserDigest:
        input.browserSecret && looksLikeTokenSecret(input.browserSecret)
          ? this.digester.digest(input.browserSecret)
          : null,
      verifiedSignUpIds: [],
    };

    let activation = await this.attempt(digest, proof);
    if (activation.kind === 'proof_needed' && input.password) {
      // The hashes are checked between two transactions, holding no row and no connection while they run.
      const verified = await signUpsWithPassword(this.hasher, activation.signUps, input.password);
      if (!verified.length) throw new PasswordRequired(true);
      activation = await this.attempt(digest, { ...proof, verifiedSignUpIds: verified });
    }
    if (activation.kind === 'proof_needed') throw new PasswordRequired();
    if (activation.activatedAfterMs !== undefined) this.metrics.confirmed(activation.activatedAfterMs);
    return { status: activation.status, maskedEmail: activation.maskedEmail };
  }

  private attempt(digest: string, proof: ConfirmerProof): Promise<Activation> {
    return this.unitOfWork.run(async (tx): Promise<Activation> => {
      const found = await tx.tokens.findByDigest(digest);
      if (!found) throw new TokenInvalid();
      // Locking the user serialises every confirmation of one account, so two clicks cannot both win; the
      // token is read again under the lock, so a click that waited for another sees it used, not usable.
      const user = await tx.users.findByIdForUpdate(found.userId);
      const token = user ? await tx.tokens.findByDigest(digest) : null;
      if (!user || !token) throw new TokenInvalid();
      if (user.status === 'disabled') throw new UserDisabled();
      const now = this.clock.now();
      if (token.usedAt) {
        if (user.isActive) return { kind: 'done', status: 'already_confirmed', maskedEmail: user.email.masked() };
        throw new TokenInvalid();
      }
      token.assertUsableFor(user.email.normalized, now);
      return activateAccount(tx, user, token, proof, now);
    });
  }
}
