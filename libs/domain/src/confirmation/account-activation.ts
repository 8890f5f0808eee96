import type { Clock } from '../ports/clock.port';
import type { Confirmations } from '../ports/confirmations.port';
import type { PasswordHasher } from '../ports/password-hasher.port';
import type { RegistrationMetrics } from '../ports/registration-metrics.port';
import type { TokenDigester } from '../ports/token-digester.port';
import { Password } from '../users/password.value-object';
import { browserDigestOf, type SignUpAttempt } from '../users/sign-up-attempt';
import type { ConfirmOutcome } from '../users/user.entity';
import { decideConfirmation, type ConfirmationCase } from './confirmation-case';
import { PasswordRequired, TokenInvalid } from './confirmation.errors';

export interface ConfirmedAccount {
  status: ConfirmOutcome;
  maskedEmail: string;
}

/** What the confirmer brings besides the link or code: the password they chose, the browser they signed up in. */
export interface ConfirmerInput {
  password?: string;
  browserSecret?: string;
}

/** A lost race is read again; more than this many in a row means the account keeps changing under us. */
const MAX_ROUNDS = 3;

/**
 * Confirms an account, link or code alike: read the case (one statement), decide on the aggregates, write
 * the decision (one guarded statement). A confirmation that lost a race with another request for the same
 * account reads again and decides on what that one left ("already confirmed", say). A password, when the
 * address has rival sign-ups, is checked between the read and the next one, holding nothing while it hashes.
 */
export class AccountActivation {
  constructor(
    private readonly confirmations: Confirmations,
    private readonly digester: TokenDigester,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly metrics: RegistrationMetrics,
  ) {}

  async confirm(load: () => Promise<ConfirmationCase>, input: ConfirmerInput): Promise<ConfirmedAccount> {
    const browserDigest = browserDigestOf(this.digester, input.browserSecret);
    let verifiedSignUpIds: string[] = [];
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const step = decideConfirmation(await load(), { browserDigest, verifiedSignUpIds }, this.clock.now());
      if (step.kind === 'answered') return { status: step.status, maskedEmail: step.maskedEmail };
      if (step.kind === 'proof_needed') {
        if (!input.password) throw new PasswordRequired();
        verifiedSignUpIds = await signUpsWithPassword(this.hasher, step.signUps, input.password);
        if (!verifiedSignUpIds.length) throw new PasswordRequired(true);
        continue;
      }
      if (await this.confirmations.apply(step.decision)) {
        if (step.activatedAfterMs !== undefined) this.metrics.confirmed(step.activatedAfterMs);
        return { status: step.status, maskedEmail: step.maskedEmail };
      }
    }
    throw new TokenInvalid();
  }
}

/** The sign-ups whose password this is: each check is a slow hash, run outside any transaction. */
async function signUpsWithPassword(
  hasher: PasswordHasher,
  signUps: readonly SignUpAttempt[],
  password: string,
): Promise<string[]> {
  let typed: Password;
  try {
    typed = Password.parse(password);
  } catch {
    return [];
  }
  const matches: string[] = [];
  for (const signUp of signUps) if (await hasher.verify(signUp.passwordHash, typed)) matches.push(signUp.id);
  return matches;
}
