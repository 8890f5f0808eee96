import type { AccountActivation, ConfirmedAccount, ConfirmerInput } from '../confirmation/account-activation';
import { TokenInvalid } from '../confirmation/confirmation.errors';
import { looksLikeTokenSecret } from '../confirmation/token-secret';
import type { Confirmations } from '../ports/confirmations.port';
import type { TokenDigester } from '../ports/token-digester.port';

export type ConfirmEmailResult = ConfirmedAccount;

export interface ConfirmEmailInput extends ConfirmerInput {
  token: string;
}

/**
 * Uses a confirmation link: the account becomes active, the token can never be used again. Two statements
 * on the way (read the case, write the decision), whatever else happens to the account meanwhile.
 */
export class ConfirmEmail {
  constructor(
    private readonly confirmations: Confirmations,
    private readonly digester: TokenDigester,
    private readonly activation: AccountActivation,
  ) {}

  execute(input: ConfirmEmailInput): Promise<ConfirmEmailResult> {
    if (!looksLikeTokenSecret(input.token)) return Promise.reject(new TokenInvalid());
    const digest = this.digester.digest(input.token);
    return this.activation.confirm(async () => {
      const found = await this.confirmations.findByDigest(digest);
      if (!found) throw new TokenInvalid();
      return found;
    }, input);
  }
}
